/**
 * Names for demo data: common Flemish first names and surnames in rough frequency order (most
 * frequent first), plus the names of Belgians of other origins that a desk in Flanders sees every
 * day. Lists are ordered by frequency; `zipfWeights` turns the order into weights.
 */

export interface NameOrigin {
  /** Identifier for tests and tuning. */
  id: string;
  /** Share of teachers whose surname comes from this list. */
  share: number;
  female: readonly string[];
  male: readonly string[];
  surnames: readonly string[];
  /** Surnames with a feminine form (Polish -ska); same order as `surnames` when given. */
  surnamesFemale?: readonly string[];
  /** Chance that a teacher of this origin has a first name from the Flemish lists instead. */
  flemishFirstNameShare: number;
}

/** Roughly 70% of teachers in Flanders are women. */
export const FEMALE_SHARE = 0.7;

// prettier-ignore
const FLEMISH_SURNAMES = [
  'Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet',
  'Hermans', 'Aerts', 'Vermeulen', 'Pauwels', 'Michiels', 'Van Damme', 'De Clercq', 'Claeys', 'Smets',
  'Martens', 'Verhaegen', 'Stevens', 'Van de Velde', 'Dierckx', 'De Backer', 'Segers', 'Lemmens',
  'Verstraete', 'Van den Broeck', 'Desmet', 'Wuyts', 'Coppens', 'Cools', 'Hendrickx', 'De Vos', 'Verbruggen',
  'Vandenberghe', 'Bogaert', 'Van Dyck', 'De Meyer', 'Vermeersch', 'Van Hecke', 'Declercq', 'Jansen',
  'Leysen', 'Thys', 'Geerts', 'Vandenbroucke', 'Van Acker', 'Vercammen', 'Verhoeven', 'De Wilde', 'Vervoort',
  'Dewulf', 'Smet', 'Van Roy', 'Mahieu', 'Maenhout', 'Vandamme', 'De Cock', 'Sels', 'Bollen', 'Huysmans',
  'Lambrechts', 'Verlinden', 'Van Hoof', 'Bosmans', 'De Pauw', 'Devos', 'Baert', 'De Coninck', 'Nijs',
  'Vanhove', 'Van Aelst', 'Verbeke', 'Van Camp', 'Lenaerts', 'Gielen', 'Vos', 'De Bruyne', 'Timmermans',
  'Roels', 'Meeus', 'Vandevelde', 'Op de Beeck', 'Van Gucht', 'Desmedt', 'Schepens', 'Heylen', 'Buelens',
  'Hoste', 'Vanderstraeten', 'Van Laere', 'Moens', 'Cornelis', 'Van Looy', 'Verschueren', 'Kerckhofs',
  'Verhelst', 'De Ridder', 'Engelen', 'Beckers', 'Verschuere', 'Callens', 'Van Loon', 'Dhondt', "D'Hondt",
  'De Witte', 'Luyten', 'Vandeputte', 'Van der Linden', 'Van Mol', 'Daems', 'Van Goethem', 'Vanderheyden',
  'Nys', 'Van Looveren', 'Bauwens', 'De Groote', 'Vanhoutte', 'Rombouts', 'Cuypers', 'Van Den Bossche',
  'Vanderlinden', 'Ceulemans', 'Deckers', 'Verheyen', 'Torfs', 'Devriendt', 'Vlaeminck', 'De Keyser',
  'Van Hove', 'Neyens', 'Boeckx', 'Deprez', 'Vandendriessche', 'Van Poucke', 'Van Eeckhout', 'De Schepper',
  'Dockx', 'Hellemans', 'Celis', 'Wyns', 'Van Rompaey', 'Hoebeke', 'Verstraeten', 'Van Gorp', 'Vanneste',
  'Schoofs', 'Van den Bergh', 'Tielemans', 'Ghysels', 'De Schrijver', 'Van Overmeire', 'Bracke', 'Van Hulle',
  'Vanhee', 'Van Impe', 'Blommaert', 'Schoonjans', 'Vanderhaegen', 'De Jonghe', 'Coene', 'Van Houtte',
  'Haesaert', 'Ryckaert', 'Van de Walle', 'De Mey', 'Verbist', 'Lauwers', "'t Kint", "'t Jolle",
  'Ter Haegen', 'Vanden Eynde', 'Van Ransbeeck', 'De Beule', 'Van Nieuwenhuyse', 'Buyse', 'Van Landeghem',
  'Goethals', 'de Jong', 'van Dijk', 'de Vries', 'Bakker', 'van den Berg', 'Vanhaecke', 'Vandecasteele',
  'Deroo', 'Lefever', 'Debaere',
];

// prettier-ignore
const FLEMISH_FEMALE = [
  'Sarah', 'Els', 'Lien', 'Katrien', 'Sofie', 'An', 'Nathalie', 'Inge', 'Veerle', 'Ann', 'Kristel', 'Hilde',
  'Griet', 'Nele', 'Liesbeth', 'Eva', 'Julie', 'Laura', 'Charlotte', 'Elke', 'Leen', 'Karen', 'Tine',
  'Ellen', 'Evelien', 'Jolien', 'Annelies', 'Marijke', 'Kathleen', 'Heidi', 'Sandra', 'Caroline',
  'Stephanie', 'Anke', 'Hanne', 'Lotte', 'Femke', 'Marie', 'Lisa', 'Emma', 'Lore', 'Sien', 'Kaat', 'Ine',
  'Joke', 'Greet', 'Mieke', 'Ilse', 'Lieve', 'Martine', 'Ingrid', 'Carine', 'Ria', 'Bieke', 'Tinne',
  'Jasmine', 'Delphine', 'Valerie', 'Valérie', 'Stéphanie', 'Mélanie', 'Joëlle', 'Zoë', 'Anaïs', 'Renée',
  'Chloë', 'Noémie', 'Gaëlle', 'Hélène', 'Elien', 'Ruth', 'Astrid', 'Wendy', 'Kelly', 'Kim', 'Jana', 'Silke',
  'Margot', 'Elise', 'Febe', 'Hannelore', 'Eline', 'Shana', 'Dorien', 'Liesl', 'Marieke', 'Nancy',
  'Isabelle', 'Ilke', 'Goedele', 'Katleen', 'Lut', 'Rani', 'Saartje', 'Yana', 'Ines', 'Lynn', 'Axelle',
  'Mathilde', 'Josefien',
];

// prettier-ignore
const FLEMISH_MALE = [
  'Tom', 'Pieter', 'Jan', 'Bart', 'Steven', 'Koen', 'Wim', 'Kristof', 'Dirk', 'Peter', 'Geert', 'Johan',
  'Kris', 'Stijn', 'Jeroen', 'Thomas', 'Nick', 'Jens', 'Wouter', 'Joris', 'Bram', 'Dries', 'Sander', 'Ruben',
  'Matthias', 'Frederik', 'Frédéric', 'Michaël', 'Raphaël', 'Cédric', 'Jérôme', 'Jonas', 'Maarten', 'Sven',
  'Filip', 'Luc', 'Marc', 'Patrick', 'Erik', 'Yves', 'Hans', 'Gert', 'Tim', 'Glenn', 'Kevin', 'Davy', 'Bert',
  'Lode', 'Arne', 'Brecht', 'Niels', 'Seppe', 'Robbe', 'Simon', 'Joachim', 'Benoît', 'Noë', 'Loïc', 'Gilles',
  'Thijs', 'Tijs', 'Jef', 'Toon', 'Stefaan', 'Dieter', 'Jelle', 'Wannes', 'Lieven', 'Hendrik', 'Mathias',
];

/** Filled out per origin; shares add up to 1. */
// prettier-ignore
export const NAME_ORIGINS: readonly NameOrigin[] = [
  {
    id: 'flemish',
    share: 0.855,
    female: FLEMISH_FEMALE,
    male: FLEMISH_MALE,
    surnames: FLEMISH_SURNAMES,
    flemishFirstNameShare: 1,
  },
  {
    id: 'french',
    share: 0.04,
    female: [
      'Céline', 'Amélie', 'Hélène', 'Aurélie', 'Joëlle', 'Sophie', 'Camille', 'Élodie', 'Françoise', 'Léa',
    ],
    male: [
      'François', 'Sébastien', 'Jérôme', 'Frédéric', 'Benoît', 'Grégory', 'Olivier', 'Stéphane', 'Rémi',
      'Jean-Luc',
    ],
    surnames: [
      'Dubois', 'Lambert', 'Dupont', 'Martin', 'Leclercq', 'Lefèvre', 'Renard', 'Dumont', 'François',
      'Simon', 'Laurent', 'Lejeune', 'Mathieu', 'Collard', 'Gérard',
    ],
    flemishFirstNameShare: 0.3,
  },
  {
    id: 'moroccan',
    share: 0.035,
    female: [
      'Fatima', 'Nadia', 'Samira', 'Khadija', 'Imane', 'Hanane', 'Ikram', 'Naima', 'Souad', 'Latifa',
      'Yasmina', 'Hafsa',
    ],
    male: [
      'Mohamed', 'Yassine', 'Karim', 'Soufiane', 'Bilal', 'Mustafa', 'Rachid', 'Youssef', 'Hamza', 'Said',
      'Anouar', 'Nabil',
    ],
    surnames: [
      'El Amrani', 'Benali', 'El Idrissi', 'Bouzid', 'Ait Ouali', 'El Khattabi', 'Azzouzi', 'Boukhari',
      'Tahiri', 'El Ouardi', 'Ben Salah', 'Haddou', 'Ouali', 'Amrani', 'El Hamdaoui',
    ],
    flemishFirstNameShare: 0.1,
  },
  {
    id: 'turkish',
    share: 0.025,
    female: [
      'Ayşe', 'Emine', 'Fatma', 'Elif', 'Zeynep', 'Hatice', 'Özlem', 'Büşra', 'Gülşen', 'Derya', 'Sibel',
    ],
    male: ['Mehmet', 'Burak', 'Emre', 'Gökhan', 'Mustafa', 'Murat', 'Hüseyin', 'Ömer', 'Serkan', 'Can'],
    surnames: [
      'Öztürk', 'Çelik', 'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Yıldız', 'Aydın', 'Özdemir', 'Arslan', 'Doğan',
      'Kılıç', 'Güneş', 'Koç',
    ],
    flemishFirstNameShare: 0.1,
  },
  {
    id: 'italian',
    share: 0.015,
    female: ['Francesca', 'Giulia', 'Maria', 'Chiara', 'Antonella', 'Silvia'],
    male: ['Giuseppe', 'Marco', 'Alessandro', 'Salvatore', 'Luca', 'Vincenzo'],
    surnames: [
      'Rossi', 'Esposito', 'Russo', 'Bianchi', 'Romano', 'Lo Bue', 'Di Marco', "D'Angelo", 'Greco',
      'La Rosa', 'Ferrara',
    ],
    flemishFirstNameShare: 0.4,
  },
  {
    id: 'polish',
    share: 0.01,
    female: ['Agnieszka', 'Katarzyna', 'Magdalena', 'Małgorzata', 'Joanna', 'Anna'],
    male: ['Piotr', 'Tomasz', 'Łukasz', 'Paweł', 'Krzysztof', 'Michał'],
    surnames: [
      'Kowalski', 'Nowak', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński', 'Dąbrowski',
    ],
    surnamesFemale: [
      'Kowalska', 'Nowak', 'Wiśniewska', 'Wójcik', 'Kamińska', 'Lewandowska', 'Zielińska', 'Dąbrowska',
    ],
    flemishFirstNameShare: 0.1,
  },
  {
    id: 'congolese',
    share: 0.01,
    female: ['Grâce', 'Ornella', 'Divine', 'Esther', 'Nathalie', 'Merveille'],
    male: ['Patrick', 'Josué', 'Christian', 'Jonathan', 'Héritier', 'Cédric'],
    surnames: ['Mbala', 'Kabongo', 'Ilunga', 'Tshibangu', 'Mukendi', 'Kalala', 'Lumbala', 'Nsimba'],
    flemishFirstNameShare: 0.2,
  },
  {
    id: 'vietnamese',
    share: 0.005,
    female: ['Thi Hoa', 'Linh', 'Hương', 'Thanh Hà', 'Mai'],
    male: ['Minh', 'Tuấn', 'Văn Long', 'Quang', 'Đức'],
    surnames: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ'],
    flemishFirstNameShare: 0.3,
  },
  {
    id: 'southern-european',
    share: 0.005,
    female: ['María José', 'Inês', 'Eleni', 'Lucía'],
    male: ['José', 'João', 'Nikos', 'Andrés'],
    surnames: ['García', 'Fernández', 'Gonçalves', 'Papadopoulos', 'Da Silva', 'Muñoz'],
    flemishFirstNameShare: 0.3,
  },
];

/** Weights for a list in frequency order: Zipf-like, so the top names dominate as in real life. */
export function zipfWeights(count: number, exponent = 0.9): number[] {
  return Array.from({ length: count }, (_, rank) => 1 / (rank + 1) ** exponent);
}
