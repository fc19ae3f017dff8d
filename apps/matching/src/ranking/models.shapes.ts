import { ApiProperty } from '@nestjs/swagger';

const SHARE = { type: 'number', minimum: 0, maximum: 1, nullable: true } as const;

/** AUC and precision@10 on one validation set. */
export class RankingFigures {
  @ApiProperty({ ...SHARE, description: 'area under the ROC curve; null with only one label' })
  auc!: number | null;

  @ApiProperty({
    ...SHARE,
    description:
      'per viewer, the share of liked people among the 10 best scored; mean over viewers who liked anyone',
  })
  precisionAt10!: number | null;
}

/** One trained (or training, or failed) model. */
export class RankingModelItem {
  @ApiProperty({ type: 'integer', minimum: 1 })
  version!: number;

  @ApiProperty({ enum: ['training', 'ready', 'failed'] })
  status!: 'training' | 'ready' | 'failed';

  @ApiProperty({ description: 'whether this model ranks discovery now' })
  active!: boolean;

  @ApiProperty({ enum: ['schedule', 'admin'] })
  trigger!: 'schedule' | 'admin';

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  requestedBy!: string | null;

  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  trainedAt!: string | null;

  @ApiProperty({
    type: [String],
    description: 'the feature names, in the order the model reads them',
  })
  features!: string[];

  @ApiProperty({ type: 'integer', nullable: true })
  trainingExamples!: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  validationExamples!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'milliseconds the training took' })
  trainingMs!: number | null;

  @ApiProperty({
    type: RankingFigures,
    nullable: true,
    description: 'the model on the validation set',
  })
  metrics!: RankingFigures | null;

  @ApiProperty({
    type: RankingFigures,
    nullable: true,
    description: 'the rule-based score on the same validation set',
  })
  baseline!: RankingFigures | null;

  @ApiProperty({ description: 'whether its AUC beats the baseline’s by the margin (it may rank)' })
  eligible!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'why a failed training failed' })
  error!: string | null;
}

export class RankingModels {
  @ApiProperty({
    oneOf: [
      { type: 'integer', minimum: 1 },
      { type: 'string', enum: ['rule-based'] },
    ],
    description: 'the version that ranks discovery, or `rule-based`',
  })
  active!: number | 'rule-based';

  @ApiProperty({
    description: 'MATCHING_MODEL_MIN_AUC_GAIN: how far a model must beat the baseline',
  })
  minAucGain!: number;

  @ApiProperty({ type: [RankingModelItem], description: 'newest first, at most 100' })
  items!: RankingModelItem[];
}

export class TrainingStarted {
  @ApiProperty({ type: 'integer', minimum: 1 })
  version!: number;

  @ApiProperty({ enum: ['training'] })
  status!: 'training';
}

export class ActiveRanking {
  @ApiProperty({
    oneOf: [
      { type: 'integer', minimum: 1 },
      { type: 'string', enum: ['rule-based'] },
    ],
  })
  active!: number | 'rule-based';
}
