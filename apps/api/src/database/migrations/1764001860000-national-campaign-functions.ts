import { MigrationInterface, QueryRunner } from 'typeorm';

// A national campaign is the operator's row, read by every municipality; its
// participants are the municipalities' rows. Row-level security lets neither side
// reach the other's, which broke two rules:
// - enrolling copies the campaign's cap under a share lock on the campaign (so a cap
//   change waits or is seen), and PostgreSQL checks a row lock against the *update*
//   policy: a municipality could not lock a national campaign, and its first
//   reservation in one failed;
// - a cap change follows to every participant of the campaign (and is refused when
//   some already hold more): the operator sees none of them.
// Both become functions of the tables' owner that check who may do it first.
const CAN_READ = `(c.municipality_code IS NULL OR c.municipality_code = current_municipality())`;
const CAN_WRITE = `coalesce(c.municipality_code, '000000') = current_municipality()`;

export class NationalCampaignFunctions1764001860000 implements MigrationInterface {
  name = 'NationalCampaignFunctions1764001860000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The campaign's cap, the row share-locked until the caller's transaction ends.
      CREATE FUNCTION campaign_cap_shared(campaign int) RETURNS int
        LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS
        $$ SELECT c.cap_per_person_yen FROM campaigns c WHERE c.id = campaign AND ${CAN_READ} FOR SHARE $$;

      CREATE FUNCTION campaign_participants_above(campaign int, cap int, OUT n int, OUT max int)
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM campaigns c WHERE c.id = campaign AND ${CAN_WRITE}) THEN
          RAISE EXCEPTION 'campaign % is not yours to change', campaign; -- the service refuses first (403); never reached from the API
        END IF;
        SELECT count(*)::int, max(p.points_total) INTO n, max FROM participants p WHERE p.campaign_id = campaign AND p.points_total > cap;
      END $$;

      -- The CHECK points_total <= cap_yen stays the last line: a cap below points
      -- already awarded is refused there, in any municipality.
      CREATE FUNCTION set_campaign_participant_caps(campaign int, cap int) RETURNS void
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM campaigns c WHERE c.id = campaign AND ${CAN_WRITE}) THEN
          RAISE EXCEPTION 'campaign % is not yours to change', campaign; -- the service refuses first (403); never reached from the API
        END IF;
        UPDATE participants p SET cap_yen = cap WHERE p.campaign_id = campaign AND p.cap_yen <> cap;
      END $$;

      REVOKE ALL ON FUNCTION campaign_cap_shared(int), campaign_participants_above(int, int), set_campaign_participant_caps(int, int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION campaign_cap_shared(int), campaign_participants_above(int, int), set_campaign_participant_caps(int, int) TO mynapoint_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION set_campaign_participant_caps(int, int);
      DROP FUNCTION campaign_participants_above(int, int);
      DROP FUNCTION campaign_cap_shared(int);
    `);
  }
}
