// What the single-award form sends. A registration award of a fixed measure is
// myKeyId, measureId, kind `registration` and occurredOn: no amount, no service, no
// transaction (the API grants the measure's fixed amount once per person). A
// charge or purchase keeps its fields, with the measure when one was chosen.
export function toPointAwardBody(values: Record<string, unknown>, measureKind: string | undefined): Record<string, unknown> {
  if (measureKind === 'fixed_amount') {
    return { myKeyId: values.myKeyId, measureId: values.measureId, kind: 'registration', occurredOn: values.occurredOn };
  }
  const { occurredOn: _occurredOn, ...rest } = values;
  void _occurredOn;
  if (rest.measureId == null || rest.measureId === '') delete rest.measureId;
  return rest;
}
