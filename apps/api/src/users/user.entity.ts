import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@mynapoint/domain';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' })
  username: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  /** Consecutive wrong passwords (reset by a successful login or an unlock). */
  @Column({ name: 'failed_logins', type: 'int', default: 0 })
  failedLogins: number;

  /** Set when failedLogins reached LOGIN_MAX_FAILURES; 'infinity' = until an admin unlocks (compare in SQL). */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true, select: false })
  lockedUntil: Date | null;
}
