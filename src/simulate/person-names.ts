/**
 * First and last names for display names and `FirstnameLastname12345` handles of simulated accounts: common
 * English-language given names and surnames (a design choice; the handle shape is what matters, see
 * `src/signals/handle-pattern.ts`).
 *
 * @module
 */

/** Given names (ASCII letters, capitalised). */
export const FIRST_NAMES: readonly string[] = Object.freeze(
  (
    'James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph ' +
    'Jessica Thomas Sarah Charles Karen Daniel Lisa Matthew Nancy Anthony Betty Mark Sandra Donald Margaret Steven ' +
    'Ashley Paul Kimberly Andrew Emily Joshua Donna Kenneth Michelle Kevin Carol Brian Amanda George Melissa Timothy ' +
    'Deborah Ronald Stephanie Jason Rebecca Edward Laura Jeffrey Helen Ryan Sharon Jacob Cynthia Gary Kathleen ' +
    'Nicholas Amy Eric Angela Jonathan Anna Stephen Brenda Larry Emma Justin Olivia Scott Sophia Brandon Grace'
  ).split(' '),
);

/** Surnames (ASCII letters, capitalised). */
export const LAST_NAMES: readonly string[] = Object.freeze(
  (
    'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson ' +
    'Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis ' +
    'Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera ' +
    'Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart ' +
    'Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim'
  ).split(' '),
);
