-- One database per service. Run by psql (the postgres image's first-start
-- init, or by hand); safe to run again.
SELECT format('CREATE DATABASE %I', name)
FROM unnest(ARRAY[
  'rendezvous_user',
  'rendezvous_event',
  'rendezvous_matching',
  'rendezvous_proximity',
  'rendezvous_reco',
  'rendezvous_booking_agent'
]) AS name
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = name)
\gexec
