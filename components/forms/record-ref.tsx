/**
 * The record a form changes and the version the person saw, as hidden fields: saving over
 * someone else's newer change is refused ("changed by someone else") instead of applied blindly.
 */
export function RecordRef({ id, version }: { id: string; version: number }) {
  return (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}
