import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

// One row per MyKey ID and campaign. The MyKey ID is kept only as its keyed hash and
// its last 4 characters.
@Entity('participants')
export class ParticipantEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'campaign_id', type: 'int' })
  campaignId: number;

  @Column({ name: 'mykey_hash', type: 'bytea' })
  mykeyHash: Buffer;

  @Column({ name: 'mykey_last4', type: 'text' })
  mykeyLast4: string;

  @Column({ name: 'points_total', type: 'int', default: 0 })
  pointsTotal: number;

  @Column({ name: 'cap_yen', type: 'int' })
  capYen: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
