import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Db } from '../common/db/db.service';
import { INSTALLATION, withTenant } from '../common/db/tenant';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AppointmentsService } from './appointments.service';

// The scheduled erasure of residents' names and phone numbers (issue #21, privacy): every
// APPOINTMENT_ERASURE_MINUTES, each municipality's appointments whose visit lies more than
// its retention (municipalities.appointment_retention_days, default 90) in the past lose
// their personal fields; the rows and their counts stay. `run(now)` takes the clock as an
// argument, so a test decides what "now" is.
@Injectable()
export class AppointmentErasureJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AppointmentErasure');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly appointments: AppointmentsService,
    private readonly db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const minutes = this.config.appointmentErasureMinutes;
    if (!minutes) return;
    this.timer = setInterval(() => {
      this.run(new Date()).catch((e: Error) => this.logger.error(`erasure failed: ${e.message}`));
    }, minutes * 60_000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One run at `now`: erased appointments per municipality (each in its own transaction). */
  async run(now: Date): Promise<Record<string, number>> {
    const erased = await this.appointments.eraseExpiredContacts(now, (code, fn) =>
      code === null ? withTenant({ municipalityCode: INSTALLATION }, () => this.db.transaction(fn)) : withTenant({ municipalityCode: code }, () => this.db.transaction(fn)),
    );
    const total = Object.values(erased).reduce((a, b) => a + b, 0);
    if (total) this.logger.log(`erased the contact data of ${total} appointment(s) past their retention`);
    return erased;
  }
}
