/**
 * Checks of the French public identifiers carried by organisations. SIREN and SIRET end with a Luhn
 * check digit (INSEE); La Poste's establishments are the documented exception for SIRET.
 */
const LA_POSTE_SIREN = '356000000';

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

export function sirenError(value: string): string | null {
  if (!/^\d{9}$/.test(value)) return 'un SIREN compte exactement 9 chiffres';
  if (!luhnValid(value)) return 'clé de contrôle du SIREN invalide';
  return null;
}

export function siretError(value: string): string | null {
  if (!/^\d{14}$/.test(value)) return 'un SIRET compte exactement 14 chiffres';
  if (value.startsWith(LA_POSTE_SIREN)) {
    const digitSum = [...value].reduce((s, c) => s + Number(c), 0);
    return digitSum % 5 === 0 ? null : 'clé de contrôle du SIRET invalide';
  }
  if (!luhnValid(value)) return 'clé de contrôle du SIRET invalide';
  return null;
}

/** The SIRET must belong to the organisation's SIREN (its first nine digits). */
export function siretMatchesSiren(siret: string, siren: string): boolean {
  return siret.slice(0, 9) === siren;
}

/** INSEE commune code: 5 characters, Corsica uses 2A/2B, overseas departments start with 97. */
export function inseeCodeError(value: string): string | null {
  if (!/^(\d{5}|2[AB]\d{3})$/.test(value)) return 'un code INSEE compte 5 caractères (ex. 62498, 2A004)';
  return null;
}

export function postalCodeError(value: string): string | null {
  return /^\d{5}$/.test(value) ? null : 'un code postal compte 5 chiffres';
}

/** The département of a commune from its INSEE code: 3 digits overseas (971–976), else the first 2 (2A/2B). */
export function departementOfInseeCode(inseeCode: string): string {
  return inseeCode.startsWith('97') ? inseeCode.slice(0, 3) : inseeCode.slice(0, 2);
}
