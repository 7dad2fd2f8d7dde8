import { FRAUD_REFERRALS, formatJapaneseEraDate, toJstDate } from '@mynapoint/domain';
import messages from './i18n';

// The flyer is handed to residents, so it is printed in Japanese whatever the UI language.
const TEXT = messages.ja.print;

// The flyer as an A4 sheet, the one drawing used by the print page and by the
// publish dialog's preview (so the manager confirms exactly what will print).
// Plain CSS: @page and @media print (on the print page) are out of reach of MUI's sx.
const SHEET_CSS = `
.np-sheet { width: 210mm; height: 297mm; margin: 0 auto; background: #fff; box-shadow: 0 2px 12px rgba(0,0,0,.25);
  box-sizing: border-box; padding: 16mm 18mm 14mm; display: flex; flex-direction: column; position: relative; overflow: hidden;
  font-family: 'Noto Sans JP', sans-serif; color: #1a1a1a; }
.np-band { background: #c62828; color: #fff; text-align: center; padding: 5mm 0 4mm; border-radius: 3mm; }
.np-band strong { display: block; font-size: 30pt; letter-spacing: .15em; line-height: 1.2; }
.np-band span { font-size: 14pt; letter-spacing: .05em; }
.np-title { font-size: 21pt; font-weight: 700; line-height: 1.4; margin: 8mm 0 5mm; border-left: 3mm solid #c62828; padding-left: 4mm; }
.np-body p { font-size: 12.5pt; line-height: 1.8; margin: 0 0 3mm; text-indent: 1em; }
.np-never { border: 1.2mm solid #c62828; border-radius: 3mm; padding: 4mm 6mm; margin: 5mm 0; }
.np-never h2 { font-size: 12.5pt; margin: 0 0 2mm; color: #c62828; }
.np-never li { font-size: 12.5pt; line-height: 1.7; list-style: none; padding-left: 1.4em; text-indent: -1.4em; }
.np-never li::before { content: '✕'; color: #c62828; font-weight: 700; margin-right: .4em; }
.np-never ul { margin: 0; padding: 0; }
.np-account { font-size: 11pt; margin: 2mm 0 0; }
.np-consult { background: #fff8e1; border-radius: 3mm; padding: 4mm 6mm; margin-top: auto; }
.np-consult h2 { font-size: 13.5pt; margin: 0 0 2mm; text-align: center; }
.np-ref { display: flex; align-items: baseline; justify-content: space-between; border-top: 1px dashed #bbb; padding: 2mm 0; }
.np-ref:first-of-type { border-top: 0; }
.np-ref span { font-size: 12.5pt; }
.np-ref strong { font-size: 24pt; letter-spacing: .03em; }
.np-contact { display: flex; flex-direction: column; align-items: flex-end; }
.np-contact small { font-size: 11pt; }
.np-footer { display: flex; justify-content: space-between; font-size: 12pt; margin-top: 5mm; padding-top: 3mm; border-top: 1px solid #999; }
.np-footer strong { font-size: 14pt; }
.np-draft { position: absolute; top: 120mm; left: -10mm; right: -10mm; text-align: center; transform: rotate(-20deg);
  font-size: 26pt; font-weight: 700; color: rgba(198, 40, 40, .28); border: 2mm solid rgba(198, 40, 40, .28); padding: 3mm 0; pointer-events: none; }
`;

export interface FlyerNotice {
  noticeTitle?: string | null;
  noticeBody?: string | null;
  noticePublishedAt?: string | null;
}

/** The date printed on the flyer: the day of publication, or today for a draft or a preview. */
export function flyerDate(notice: FlyerNotice): string {
  return formatJapaneseEraDate(toJstDate(notice.noticePublishedAt ? new Date(notice.noticePublishedAt) : new Date()));
}

/** Whose notice it is: the municipality's name and its contact (its settings). */
export interface FlyerIssuer {
  cityName: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
}

export function NoticeFlyer({ notice, issuer, date, draft = !notice.noticePublishedAt }: { notice: FlyerNotice; issuer: FlyerIssuer; date: string; draft?: boolean }) {
  const cityName = issuer.cityName ?? '';
  const paragraphs = String(notice.noticeBody ?? '')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      <style>{SHEET_CSS}</style>
      <article className="np-sheet" lang="ja" data-testid="notice-flyer">
        {draft && <div className="np-draft">{TEXT.draft}</div>}
        <header className="np-band">
          <strong>{TEXT.heading}</strong>
          <span>{TEXT.subheading}</span>
        </header>
        <h1 className="np-title">{notice.noticeTitle}</h1>
        <div className="np-body">
          {paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
        <section className="np-never">
          <h2>{TEXT.never}</h2>
          <ul>
            <li>{TEXT.never1}</li>
            <li>{TEXT.never2}</li>
            <li>{TEXT.never3}</li>
          </ul>
          <p className="np-account">{TEXT.account}</p>
        </section>
        <section className="np-consult">
          <h2>{TEXT.consult}</h2>
          {FRAUD_REFERRALS.map((r) => (
            <div className="np-ref" key={r.key}>
              <span>{r.ja}</span>
              <strong>{r.number}</strong>
            </div>
          ))}
          {(issuer.contactPhone || issuer.contactEmail) && (
            <div className="np-ref" data-testid="notice-contact">
              <span>{TEXT.contact.replace('%{city}', cityName)}</span>
              <span className="np-contact">
                {issuer.contactPhone && <strong>{issuer.contactPhone}</strong>}
                {issuer.contactEmail && <small>{issuer.contactEmail}</small>}
              </span>
            </div>
          )}
        </section>
        <footer className="np-footer">
          <span>{date}</span>
          <strong>{cityName}</strong>
        </footer>
      </article>
    </>
  );
}
