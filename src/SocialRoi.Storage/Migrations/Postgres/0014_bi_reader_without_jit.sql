-- Grafana and BI tools read the bi views as socialroi_reader: without PostgreSQL's JIT compiler. The
-- views take each event's fields out of its JSON, whose contents the planner cannot see, so for an
-- account of a few hundred thousand events it estimates tens of millions of rows and compiles the
-- query before running it. PostgreSQL's own EXPLAIN ANALYZE on one 300,000-event account: compiling
-- took 6.2 s of the 90-day daily metrics' 10.7 s, 6.1 of the post funnel's 10.7, 7.2 of the campaign
-- funnel's 14.4 and 4.8 of the quarterly ROI's 9.1 (7.2 s of the daily metrics' 27.9 s at a million
-- events). The demo's accounts stay below the compiler's cost threshold either way. The setting is
-- the role's, so it holds in every database the role reads; results are the same without it.
ALTER ROLE socialroi_reader SET jit = off;
