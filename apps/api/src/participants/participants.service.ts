import { Injectable } from '@nestjs/common';
import { ListQuery } from '../common/list/list-query';
import { hashMyKeyIdFilter } from '../common/mykey/mykey-filter';
import { MyKeyDigest, MyKeyHasher } from '../common/mykey/mykey-hasher';
import { ParticipantForApplication, ParticipantRecord, ParticipantsRepository } from './participants.repository';
import { ParticipantHistoryEntryDto } from './participant-history.dto';

// Participants come into being with their reservation (reservations calls `enrol`)
// and are locked by applications; the statements are in the repository.
@Injectable()
export class ParticipantsService {
  constructor(
    private readonly repo: ParticipantsRepository,
    private readonly hasher: MyKeyHasher,
  ) {}

  list(q: ListQuery) {
    return this.repo.list(hashMyKeyIdFilter(q, this.hasher));
  }

  get(id: number): Promise<ParticipantRecord> {
    return this.repo.getOrFail(id);
  }

  async history(id: number): Promise<ParticipantHistoryEntryDto[]> {
    await this.get(id);
    return this.repo.history(id);
  }

  /** The new participant's id, or null when already enrolled in the quota's campaign or no such quota (see the repository). */
  enrol(quotaId: number, digest: MyKeyDigest, reservedAt: Date): Promise<number | null> {
    return this.repo.enrol(quotaId, digest, reservedAt);
  }

  lockForApplication(hash: Buffer, campaignId?: number): Promise<ParticipantForApplication[]> {
    return this.repo.lockForApplication(hash, campaignId);
  }

  lockInMeasure(hash: Buffer, measureId: number): Promise<ParticipantForApplication | undefined> {
    return this.repo.lockInMeasure(hash, measureId);
  }

  earlierPoints(hash: Buffer, measureId: number): Promise<number | null> {
    return this.repo.earlierPoints(hash, measureId);
  }

  enrolInMeasure(measureId: number, digest: MyKeyDigest, carriedYen: number): Promise<void> {
    return this.repo.enrolInMeasure(measureId, digest, carriedYen);
  }

  /** Ends a participant whose reservation was deleted before any application. */
  removeUnreserved(id: number): Promise<void> {
    return this.repo.delete(id);
  }
}
