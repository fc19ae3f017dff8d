import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The learned ranking's stores: what discovery showed (impressions, kept a bounded time), the
 * trained models, and the accepted connections between people (from `connection.*`).
 */
export class LearnedRanking1765500000000 implements MigrationInterface {
  name = 'LearnedRanking1765500000000';

  async up(runner: QueryRunner): Promise<void> {
    // No key: a person shown twice is two impressions; written in batches off the request path.
    await runner.query(`
      CREATE TABLE ranking_impressions (
        viewer_id uuid NOT NULL,
        candidate_id uuid NOT NULL,
        shown_at timestamptz NOT NULL,
        rank smallint NOT NULL,
        rule_score real NOT NULL,
        factors jsonb NOT NULL,
        features real[] NOT NULL,
        model_version integer
      )`);
    await runner.query(
      'CREATE INDEX ranking_impressions_pair ON ranking_impressions (viewer_id, candidate_id, shown_at)',
    );
    await runner.query(
      'CREATE INDEX ranking_impressions_candidate ON ranking_impressions (candidate_id)',
    );
    await runner.query('CREATE INDEX ranking_impressions_age ON ranking_impressions (shown_at)');

    await runner.query(`
      CREATE TABLE ranking_models (
        version serial PRIMARY KEY,
        status text NOT NULL,
        active boolean NOT NULL DEFAULT false,
        trigger text NOT NULL,
        requested_by uuid,
        requested_at timestamptz NOT NULL DEFAULT now(),
        trained_at timestamptz,
        features text[] NOT NULL,
        parameters jsonb,
        metrics jsonb,
        training_examples integer,
        validation_examples integer,
        training_ms integer,
        error text
      )`);
    // At most one model ranks; none means the rule-based score does.
    await runner.query(
      'CREATE UNIQUE INDEX ranking_models_one_active ON ranking_models (active) WHERE active',
    );

    // At most one training at a time, across replicas.
    await runner.query(
      "CREATE UNIQUE INDEX ranking_models_one_training ON ranking_models (status) WHERE status = 'training'",
    );

    await runner.query(`
      CREATE TABLE connections (
        connection_id uuid PRIMARY KEY,
        user_a uuid NOT NULL,
        user_b uuid NOT NULL,
        accepted boolean NOT NULL,
        version integer NOT NULL
      )`);
    await runner.query('CREATE INDEX connections_a ON connections (user_a) WHERE accepted');
    await runner.query('CREATE INDEX connections_b ON connections (user_b) WHERE accepted');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE connections');
    await runner.query('DROP TABLE ranking_models');
    await runner.query('DROP TABLE ranking_impressions');
  }
}
