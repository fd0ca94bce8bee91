/**
 * Counted nouns in report prose ("1 object", "3 objects").
 */

/**
 * The count followed by the singular or plural noun.
 * @param pluralForm plural, default `singular + 's'`
 * @example pluralize(1, 'edge') // '1 edge'
 * @example pluralize(3, 'co-action') // '3 co-actions'
 */
export function pluralize(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
