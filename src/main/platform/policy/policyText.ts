import type { ExpectedValue, PolicyProblem } from './parsePolicy';

const EXPECTED: Record<ExpectedValue, string> = {
  point_id: 'een afhaalpuntcode: hoofdletters, cijfers en koppeltekens, 2 tot 64 tekens (bv. "BIB-GENT")',
  point_name: 'een naam van 1 tot 200 tekens',
  ed25519_public_key_pem:
    'de publieke Ed25519-sleutel van de uitgever in PEM-vorm ("-----BEGIN PUBLIC KEY-----\\n…"), geen privésleutel',
  https_url: 'een https-adres zonder gebruikersnaam of wachtwoord (http alleen naar 127.0.0.1 voor tests)',
  channel: 'een kanaalnaam in kleine letters, cijfers en koppeltekens (bv. "latest" of "beta")',
  boolean: 'true of false (zonder aanhalingstekens)',
  hours_range: 'een tijdvak "UU:MM-UU:MM" van minstens één minuut, bv. "22:00-06:00" (Belgische tijd)',
};

/** One line of Dutch per problem, for the startup screen and the log. */
export function policyProblemText(problem: PolicyProblem): string {
  switch (problem.code) {
    case 'not_json':
      return `Het bestand is geen geldige JSON (${problem.detail}).`;
    case 'not_object':
      return 'Het bestand moet één JSON-object bevatten: { "sleutel": waarde, … }.';
    case 'unknown_key':
      return `Onbekende sleutel "${problem.key}". Tikfout? Opmerkingen zet u in een sleutel die met _ begint.`;
    case 'invalid_value':
      return `Ongeldige waarde voor "${problem.key}": verwacht ${EXPECTED[problem.expected]}.`;
    case 'incomplete_point':
      return `pointId, pointName en issuerPublicKey horen samen; ontbreekt: ${problem.missing.join(', ')}.`;
    case 'update_url_required':
      return '"autoUpdate" staat aan maar "updateUrl" ontbreekt.';
  }
}
