import { defineTexts } from './catalogue';

/** Problems in IT's policy file, for the startup screen and the log (keys start with 'policy.'). */
export const policyTexts = defineTexts(
  {
    'policy.expected.point_id':
      'een afhaalpuntcode: hoofdletters, cijfers en koppeltekens, 2 tot 64 tekens (bv. "BIB-GENT")',
    'policy.expected.point_name': 'een naam van 1 tot 200 tekens',
    'policy.expected.ed25519_public_key_pem':
      'de publieke Ed25519-sleutel van de uitgever in PEM-vorm ("-----BEGIN PUBLIC KEY-----\\n…"), geen privésleutel',
    'policy.expected.https_url':
      'een https-adres zonder gebruikersnaam of wachtwoord (http alleen naar 127.0.0.1 voor tests)',
    'policy.expected.channel':
      'een kanaalnaam in kleine letters, cijfers en koppeltekens (bv. "latest" of "beta")',
    'policy.expected.boolean': 'true of false (zonder aanhalingstekens)',
    'policy.expected.hours_range':
      'een tijdvak "UU:MM-UU:MM" van minstens één minuut, bv. "22:00-06:00" (Belgische tijd)',
    'policy.expected.port': 'een poortnummer van 1024 tot 65535 (zonder aanhalingstekens), bv. 47470',
    'policy.notJson': 'Het bestand is geen geldige JSON ({detail}).',
    'policy.notObject': 'Het bestand moet één JSON-object bevatten: { "sleutel": waarde, … }.',
    'policy.unknownKey':
      'Onbekende sleutel "{key}". Tikfout? Opmerkingen zet u in een sleutel die met _ begint.',
    'policy.invalidValue': 'Ongeldige waarde voor "{key}": verwacht {expected}.',
    'policy.incompletePoint': 'pointId, pointName en issuerPublicKey horen samen; ontbreekt: {missing}.',
    'policy.updateUrlRequired': '"autoUpdate" staat aan maar "updateUrl" ontbreekt.',
  },
  {
    'policy.expected.point_id':
      'a point code: capitals, digits and hyphens, 2 to 64 characters (e.g. "BIB-GENT")',
    'policy.expected.point_name': 'a name of 1 to 200 characters',
    'policy.expected.ed25519_public_key_pem':
      'the issuer\'s Ed25519 public key in PEM form ("-----BEGIN PUBLIC KEY-----\\n…"), not a private key',
    'policy.expected.https_url':
      'an https address without user name or password (http only to 127.0.0.1 for tests)',
    'policy.expected.channel': 'a channel name in lower case, digits and hyphens (e.g. "latest" or "beta")',
    'policy.expected.boolean': 'true or false (without quotes)',
    'policy.expected.hours_range':
      'a time slot "HH:MM-HH:MM" of at least one minute, e.g. "22:00-06:00" (Belgian time)',
    'policy.expected.port': 'a port number from 1024 to 65535 (without quotes), e.g. 47470',
    'policy.notJson': 'The file is not valid JSON ({detail}).',
    'policy.notObject': 'The file must hold one JSON object: { "key": value, … }.',
    'policy.unknownKey': 'Unknown key "{key}". A typo? Put comments in a key that starts with _.',
    'policy.invalidValue': 'Invalid value for "{key}": expected {expected}.',
    'policy.incompletePoint': 'pointId, pointName and issuerPublicKey go together; missing: {missing}.',
    'policy.updateUrlRequired': '"autoUpdate" is on but "updateUrl" is missing.',
  },
);
