import type { CareServiceSubmission } from './care-service.service';

const COLUMNS = [
  'record_key',
  'provider_facility_id',
  'service_type',
  'started_at',
  'duration_minutes',
  'cost_cny',
  'funding_source',
  'recipient_region_code',
  'recipient_need_level',
  'recipient_pseudonym',
];

/** Parses a services-delivered CSV (header row with COLUMNS, comma-separated, no quoting); the service checks values. */
export function parseCareServiceCsv(text: string, source = 'services CSV'): CareServiceSubmission[] {
  const [headerLine, ...lines] = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const header = (headerLine ?? '').split(',').map((column) => column.trim());
  const missing = COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) throw new Error(`${source}: missing column(s) ${missing.join(', ')}`);
  const column = new Map(header.map((name, index) => [name, index]));
  return lines.map((line, index) => {
    const cells = line.split(',').map((cell) => cell.trim());
    const text = (name: string) => cells[column.get(name)!] ?? '';
    const number = (name: string) => {
      const value = Number(text(name));
      if (text(name) === '' || !Number.isFinite(value)) {
        throw new Error(
          `${source} line ${index + 2}: "${name}" is not a number: "${text(name).slice(0, 20)}"`,
        );
      }
      return value;
    };
    return {
      recordKey: text('record_key'),
      providerFacilityId: text('provider_facility_id'),
      serviceType: text('service_type'),
      startedAt: text('started_at'),
      durationMinutes: number('duration_minutes'),
      costCny: number('cost_cny'),
      fundingSource: text('funding_source'),
      recipientRegionCode: text('recipient_region_code'),
      recipientNeedLevel: text('recipient_need_level'),
      recipientPseudonym: text('recipient_pseudonym'),
    };
  });
}
