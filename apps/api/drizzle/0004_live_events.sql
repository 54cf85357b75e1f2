-- Live follow-up (`beyond-the-reference.md` §1): every write that changes what a teacher's
-- « Participants » tab shows notifies the channel `campaign_events` when it commits, whatever
-- the code path or API process that made it. Payloads carry ids and a type, never results.
CREATE FUNCTION notify_participation_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kind text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    kind := 'participation.started';
  ELSIF NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL THEN
    kind := 'participation.deleted';
  ELSIF NEW.status IS DISTINCT FROM OLD.status THEN
    kind := CASE NEW.status WHEN 'SHARED' THEN 'participation.shared' WHEN 'TO_SHARE' THEN 'assessment.completed' ELSE 'participation.started' END;
  ELSE
    RETURN NULL;
  END IF;
  PERFORM pg_notify('campaign_events', json_build_object('campaignId', NEW.campaign_id, 'participationId', NEW.id, 'type', kind)::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER participation_events AFTER INSERT OR UPDATE ON participations FOR EACH ROW EXECUTE FUNCTION notify_participation_event();
--> statement-breakpoint
CREATE FUNCTION notify_answer_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target record;
BEGIN
  SELECT p.id, p.campaign_id INTO target
    FROM assessments a JOIN participations p ON p.id = a.participation_id
    WHERE a.id = NEW.assessment_id;
  IF FOUND THEN
    PERFORM pg_notify('campaign_events', json_build_object('campaignId', target.campaign_id, 'participationId', target.id, 'type', 'answer.recorded')::text);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER answer_events AFTER INSERT ON answers FOR EACH ROW EXECUTE FUNCTION notify_answer_event();
