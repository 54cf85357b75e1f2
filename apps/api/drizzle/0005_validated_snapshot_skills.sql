-- « Analyse » and « Résultats collectifs » read the validated snapshot rows of a campaign's counted
-- participations: an index-only scan of this partial index instead of the whole table.
CREATE INDEX "validated_snapshot_skills" ON "snapshot_knowledge_elements" USING btree ("participation_id","skill_id") WHERE "snapshot_knowledge_elements"."status" = 'validated';