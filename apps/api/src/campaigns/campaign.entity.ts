import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('campaigns')
export class CampaignEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'reservation_opens_on', type: 'date' })
  reservationOpensOn: string;

  @Column({ name: 'reservation_closes_on', type: 'date' })
  reservationClosesOn: string;

  @Column({ name: 'application_opens_on', type: 'date' })
  applicationOpensOn: string;

  @Column({ name: 'application_closes_on', type: 'date' })
  applicationClosesOn: string;

  @Column({ name: 'earning_starts_on', type: 'date' })
  earningStartsOn: string;

  @Column({ name: 'earning_ends_on', type: 'date' })
  earningEndsOn: string;

  @Column({ name: 'award_rate_percent', type: 'int' })
  awardRatePercent: number;

  @Column({ name: 'cap_per_person_yen', type: 'int' })
  capPerPersonYen: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
