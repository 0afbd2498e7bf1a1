/**
 * Renders a catalogue entry: `{name}` placeholders are replaced by params; a missing
 * param renders as an empty string rather than leaking the placeholder.
 */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : ''));
}
