/**
 * faker.js 3.1's module.method names (the ones KDG templates use), mapped onto @faker-js/faker 10,
 * where many moved: address.* -> location.*, name.* -> person.*, random.number -> number.*,
 * random.uuid -> string.uuid, internet.ip -> internet.ipv4, company.bs* -> company.buzz*, ...
 * Arguments follow faker 3's positional order (KDG passes one JSON value; several are allowed here).
 * random.number, random.arrayElement, random.weightedArrayElement, random.uuid and the date.now
 * family live in kdg.ts. Faker 10 names (person.firstName, number.int, ...) also work: see registry.ts.
 */
import type { Faker, SexType } from '@faker-js/faker';
import { ArgError, isPlainObject, num, optNum, optStr, pick, type HelperDef } from './types';

const F = (fn: (f: Faker, a: unknown[]) => unknown): HelperDef => ({ call: (ctx, a) => fn(ctx.faker, a) });

const def = (f: Faker, path: string): unknown[] => {
  let v: unknown = f.rawDefinitions;
  for (const k of path.split('.')) v = isPlainObject(v) ? v[k] : undefined;
  return Array.isArray(v) ? v : [];
};
const fromDef = (path: string, fallback: string[] = []) =>
  F((f) => {
    const items = def(f, path);
    return f.helpers.arrayElement(items.length ? items : fallback);
  });

/** faker 3 passes gender 0 (male) / 1 (female); faker 10 wants 'male' | 'female'. */
const sex = (g: unknown): SexType | undefined =>
  g === 0 || g === '0' || g === 'male' ? 'male' : g === 1 || g === '1' || g === 'female' ? 'female' : undefined;

/** lorempixel.com (faker 3) is gone; loremflickr.com takes the same width/height/category path. */
const flickr = (f: Faker, width: number, height: number, category?: string) =>
  `https://loremflickr.com/${width}/${height}${category ? `/${encodeURIComponent(category)}` : ''}?lock=${f.number.int(1e6)}`;

const imageCategory = (category: string): HelperDef => F((f, a) => flickr(f, num(a[0], 640), num(a[1], 480), category));

/** faker 3's replaceSymbolWithNumber: each `symbol` becomes a digit 0-9 (gone from faker 10). */
const digitsFor = (f: Faker, text: string, symbol: string): string => {
  let out = '';
  for (const c of text) out += c === symbol ? String(f.number.int(9)) : c;
  return out;
};

const fileNameOf = (words: string, ext: string) => `${words.replace(/[ ,\-\\]/g, '_').toLowerCase()}.${ext}`;

const card = (f: Faker) => ({
  name: f.person.fullName(),
  username: f.internet.username(),
  email: f.internet.email(),
  address: {
    street: f.location.street(),
    suite: f.location.secondaryAddress(),
    city: f.location.city(),
    zipcode: f.location.zipCode(),
    geo: { lat: f.location.latitude({ precision: 4 }).toFixed(4), lng: f.location.longitude({ precision: 4 }).toFixed(4) },
  },
  phone: f.phone.number(),
  website: f.internet.domainName(),
  company: { name: f.company.name(), catchPhrase: f.company.catchPhrase(), bs: f.company.buzzPhrase() },
});

const transaction = (f: Faker) => ({
  amount: f.finance.amount(),
  date: new Date(Date.UTC(2012, 1, 2)).toISOString(),
  business: f.company.name(),
  name: `${f.finance.accountName()} ${f.string.numeric(4)}`,
  type: f.finance.transactionType(),
  account: f.finance.accountNumber(8),
});

const regexArg = (v: unknown): RegExp | undefined => {
  if (typeof v !== 'string' || v === '') return undefined;
  try {
    return new RegExp(v);
  } catch {
    throw new ArgError(`internet.password: ${JSON.stringify(v)} is not a valid regular expression`);
  }
};

const dateArg = (v: unknown): string | number | undefined =>
  typeof v === 'string' || typeof v === 'number' ? v : undefined;

const DAY_MS = 24 * 3600 * 1000;

/**
 * faker 3's date.recent(days, refDate) and date.soon(days, refDate): a time 1 second to `days`
 * days before (or after) the reference, drawn in milliseconds, so a fraction of a day works
 * (date.recent(0.004) is within the last 5 3/4 minutes). faker 10 moves whole days only.
 */
const withinDays = (f: Faker, a: unknown[], sign: -1 | 1): Date => {
  const days = num(a[0], 1) || 1;
  const ref = dateArg(a[1]);
  const from = ref === undefined ? f.defaultRefDate().getTime() : new Date(ref).getTime();
  return new Date(from + sign * f.number.int({ min: 1000, max: Math.max(1000, Math.round(days * DAY_MS)) }));
};

export const faker3Helpers: Record<string, HelperDef> = {
  // address (faker 10: location)
  'address.zipCode': F((f, a) => (optStr(a[0]) ? f.location.zipCode(String(a[0])) : f.location.zipCode())),
  // faker's en locale has no postcodes by state (en_US has): a plain postcode then
  'address.zipCodeByState': F((f, a) => {
    try {
      return f.location.zipCode({ state: optStr(a[0]) });
    } catch {
      return f.location.zipCode();
    }
  }),
  'address.city': F((f) => f.location.city()),
  'address.cityName': F((f) => f.location.city()),
  'address.cityPrefix': fromDef('location.city_prefix', ['North', 'East', 'West', 'South', 'New', 'Lake', 'Port']),
  'address.citySuffix': fromDef('location.city_suffix', ['town', 'ton', 'land', 'ville', 'berg']),
  'address.streetName': F((f) => f.location.street()),
  'address.streetAddress': F((f, a) => f.location.streetAddress(Boolean(a[0]))),
  'address.streetSuffix': fromDef('location.street_suffix', ['Street', 'Avenue', 'Road']),
  'address.streetPrefix': F((f) => f.helpers.arrayElement(['a', 'b', 'c'])),
  'address.secondaryAddress': F((f) => f.location.secondaryAddress()),
  'address.county': F((f) => f.location.county()),
  'address.country': F((f) => f.location.country()),
  'address.countryCode': F((f) => f.location.countryCode()),
  'address.state': F((f) => f.location.state()),
  'address.stateAbbr': F((f) => f.location.state({ abbreviated: true })),
  // faker 3 returns these as strings with 4 decimals
  'address.latitude': F((f, a) => f.location.latitude({ max: num(a[0], 90), min: num(a[1], -90), precision: 4 }).toFixed(4)),
  'address.longitude': F((f, a) =>
    f.location.longitude({ max: num(a[0], 180), min: num(a[1], -180), precision: 4 }).toFixed(4),
  ),
  'address.direction': F((f, a) => f.location.direction({ abbreviated: Boolean(a[0]) })),
  'address.cardinalDirection': F((f, a) => f.location.cardinalDirection({ abbreviated: Boolean(a[0]) })),
  'address.ordinalDirection': F((f, a) => f.location.ordinalDirection({ abbreviated: Boolean(a[0]) })),
  'address.timeZone': F((f) => f.location.timeZone()),

  // commerce
  'commerce.color': F((f) => f.color.human()),
  'commerce.department': F((f) => f.commerce.department()),
  'commerce.productName': F((f) => f.commerce.productName()),
  'commerce.price': F((f, a) =>
    f.commerce.price({ min: num(a[0], 1), max: num(a[1], 1000), dec: num(a[2], 2), symbol: optStr(a[3]) ?? '' }),
  ),
  'commerce.productAdjective': F((f) => f.commerce.productAdjective()),
  'commerce.productMaterial': F((f) => f.commerce.productMaterial()),
  'commerce.product': F((f) => f.commerce.product()),
  'commerce.productDescription': F((f) => f.commerce.productDescription()),

  // company (bs* became buzz*)
  'company.suffixes': F((f) => def(f, 'company.legal_entity_type').join(',')),
  'company.companyName': F((f) => f.company.name()),
  'company.companySuffix': fromDef('company.legal_entity_type', ['Inc', 'LLC', 'Group']),
  'company.catchPhrase': F((f) => f.company.catchPhrase()),
  'company.bs': F((f) => f.company.buzzPhrase()),
  'company.catchPhraseAdjective': F((f) => f.company.catchPhraseAdjective()),
  'company.catchPhraseDescriptor': F((f) => f.company.catchPhraseDescriptor()),
  'company.catchPhraseNoun': F((f) => f.company.catchPhraseNoun()),
  'company.bsAdjective': F((f) => f.company.buzzAdjective()),
  'company.bsBuzz': F((f) => f.company.buzzVerb()),
  'company.bsNoun': F((f) => f.company.buzzNoun()),

  // date (refDate defaults to the injected clock; see renderer.ts)
  'date.past': F((f, a) => f.date.past({ years: num(a[0], 1) || 1, refDate: dateArg(a[1]) })),
  'date.future': F((f, a) => f.date.future({ years: num(a[0], 1) || 1, refDate: dateArg(a[1]) })),
  'date.between': F((f, a) => {
    const from = dateArg(a[0]);
    const to = dateArg(a[1]);
    if (from === undefined || to === undefined) throw new ArgError('date.between expects two dates: from, to');
    return f.date.between({ from, to });
  }),
  'date.recent': F((f, a) => withinDays(f, a, -1)),
  'date.soon': F((f, a) => withinDays(f, a, 1)),
  'date.month': F((f, a) => f.date.month({ abbreviated: isPlainObject(a[0]) && Boolean(a[0].abbr) })),
  'date.weekday': F((f, a) => f.date.weekday({ abbreviated: isPlainObject(a[0]) && Boolean(a[0].abbr) })),

  // finance
  'finance.account': F((f, a) => f.finance.accountNumber(num(a[0], 8) || 8)),
  'finance.accountName': F((f) => f.finance.accountName()),
  'finance.mask': F((f, a) => {
    // faker 3: length (default 4), parens, ellipsis
    const digits = f.string.numeric(num(a[0], 4) || 4);
    const body = (a[2] ? '...' : '') + digits;
    return a[1] ? `(${body})` : body;
  }),
  'finance.amount': F((f, a) =>
    f.finance.amount({ min: num(a[0], 0), max: num(a[1], 1000), dec: num(a[2], 2), symbol: optStr(a[3]) ?? '' }),
  ),
  'finance.transactionType': F((f) => f.finance.transactionType()),
  'finance.currencyCode': F((f) => f.finance.currencyCode()),
  'finance.currencyName': F((f) => f.finance.currencyName()),
  'finance.currencySymbol': F((f) => f.finance.currencySymbol()),
  'finance.bitcoinAddress': F((f) => f.finance.bitcoinAddress()),
  'finance.iban': F((f) => f.finance.iban()),
  'finance.bic': F((f) => f.finance.bic()),

  // hacker
  'hacker.abbreviation': F((f) => f.hacker.abbreviation()),
  'hacker.adjective': F((f) => f.hacker.adjective()),
  'hacker.noun': F((f) => f.hacker.noun()),
  'hacker.verb': F((f) => f.hacker.verb()),
  'hacker.ingverb': F((f) => f.hacker.ingverb()),
  'hacker.phrase': F((f) => f.hacker.phrase()),

  // helpers
  'helpers.randomize': F((f, a) => f.helpers.arrayElement(Array.isArray(a[0]) && a[0].length ? a[0] : ['a', 'b', 'c'])),
  'helpers.slugify': F((f, a) => f.helpers.slugify(optStr(a[0]) ?? '')),
  'helpers.replaceSymbolWithNumber': F((f, a) => digitsFor(f, optStr(a[0]) ?? '', optStr(a[1]) ?? '#')),
  'helpers.replaceSymbols': F((f, a) => f.helpers.replaceSymbols(optStr(a[0]) ?? '')),
  'helpers.shuffle': F((f, a) => f.helpers.shuffle(Array.isArray(a[0]) ? [...a[0]] : ['a', 'b', 'c'])),
  'helpers.mustache': F((f, a) =>
    f.helpers.mustache(optStr(a[0]) ?? '', isPlainObject(a[1]) ? (a[1] as Record<string, string>) : {}),
  ),
  'helpers.createCard': F((f) => ({ ...card(f), accountHistory: [transaction(f), transaction(f), transaction(f)] })),
  'helpers.contextualCard': F((f) => ({ ...card(f), avatar: f.image.avatar() })),
  'helpers.userCard': F((f) => card(f)),
  'helpers.createTransaction': F((f) => transaction(f)),

  // image (lorempixel is gone; loremflickr takes the same width/height/category)
  'image.image': F((f, a) => f.image.url({ width: num(a[0], 640), height: num(a[1], 480) })),
  'image.avatar': F((f) => f.image.avatar()),
  'image.imageUrl': F((f, a) => flickr(f, num(a[0], 640), num(a[1], 480), optStr(a[2]))),
  'image.dataUri': F((f, a) => f.image.dataUri({ width: num(a[0], 640), height: num(a[1], 480) })),
  ...Object.fromEntries(
    [
      'abstract',
      'animals',
      'business',
      'cats',
      'city',
      'food',
      'nightlife',
      'fashion',
      'people',
      'nature',
      'sports',
      'technics',
      'transport',
    ].map((c) => [`image.${c}`, imageCategory(c)]),
  ),

  // internet
  'internet.avatar': F((f) => f.image.avatar()),
  'internet.email': F((f, a) =>
    f.internet.email({ firstName: optStr(a[0]), lastName: optStr(a[1]), provider: optStr(a[2]) }),
  ),
  'internet.exampleEmail': F((f, a) => f.internet.exampleEmail({ firstName: optStr(a[0]), lastName: optStr(a[1]) })),
  'internet.userName': F((f, a) => f.internet.username({ firstName: optStr(a[0]), lastName: optStr(a[1]) })),
  'internet.protocol': F((f) => f.internet.protocol()),
  'internet.url': F((f) => f.internet.url({ appendSlash: false })),
  'internet.domainName': F((f) => f.internet.domainName()),
  'internet.domainSuffix': F((f) => f.internet.domainSuffix()),
  'internet.domainWord': F((f) => f.internet.domainWord()),
  'internet.ip': F((f) => f.internet.ipv4()),
  'internet.ipv6': F((f) => f.internet.ipv6()),
  'internet.userAgent': F((f) => f.internet.userAgent()),
  'internet.color': {
    // faker 3: each channel is (random 0..256 + base) / 2, as #rrggbb
    call: (ctx, a) => {
      const ch = (base: unknown) =>
        Math.min(255, Math.floor((Math.floor(ctx.rng.next() * 257) + num(base, 0)) / 2))
          .toString(16)
          .padStart(2, '0');
      return `#${ch(a[0])}${ch(a[1])}${ch(a[2])}`;
    },
  },
  'internet.mac': F((f) => f.internet.mac()),
  'internet.password': {
    call: (ctx, a) =>
      ctx.faker.internet.password({
        length: num(a[0], 15) || 15,
        memorable: Boolean(a[1]),
        pattern: regexArg(a[2]),
        prefix: optStr(a[3]),
      }),
    prepare: (a) => {
      const pattern = regexArg(a[2]);
      return (ctx) =>
        ctx.faker.internet.password({ length: num(a[0], 15) || 15, memorable: Boolean(a[1]), pattern, prefix: optStr(a[3]) });
    },
  },

  // lorem
  'lorem.word': F((f) => f.lorem.word()),
  'lorem.words': F((f, a) => f.lorem.words(num(a[0], 3))),
  'lorem.sentence': F((f, a) => (optNum(a[0]) === undefined ? f.lorem.sentence() : f.lorem.sentence(num(a[0], 5)))),
  'lorem.slug': F((f, a) => f.lorem.slug(num(a[0], 3))),
  'lorem.sentences': F((f, a) => f.lorem.sentences(optNum(a[0]) ?? { min: 2, max: 6 }, optStr(a[1]) ?? ' ')),
  'lorem.paragraph': F((f, a) => f.lorem.paragraph(num(a[0], 3))),
  'lorem.paragraphs': F((f, a) => f.lorem.paragraphs(num(a[0], 3), optStr(a[1]) ?? '\n \r')),
  'lorem.text': F((f) => f.lorem.text()),
  'lorem.lines': F((f, a) => f.lorem.lines(optNum(a[0]) ?? { min: 1, max: 5 })),

  // name (faker 10: person)
  'name.firstName': F((f, a) => f.person.firstName(sex(a[0]))),
  'name.lastName': F((f, a) => f.person.lastName(sex(a[0]))),
  'name.middleName': F((f, a) => f.person.middleName(sex(a[0]))),
  'name.findName': F((f, a) => f.person.fullName({ firstName: optStr(a[0]), lastName: optStr(a[1]), sex: sex(a[2]) })),
  'name.jobTitle': F((f) => f.person.jobTitle()),
  'name.prefix': F((f, a) => f.person.prefix(sex(a[0]))),
  'name.suffix': F((f) => f.person.suffix()),
  'name.title': F((f) => f.person.jobTitle()),
  'name.jobDescriptor': F((f) => f.person.jobDescriptor()),
  'name.jobArea': F((f) => f.person.jobArea()),
  'name.jobType': F((f) => f.person.jobType()),
  'name.gender': F((f) => f.person.gender()),

  // phone
  'phone.phoneNumber': F((f, a) =>
    optStr(a[0]) ? digitsFor(f, String(a[0]), '#') : f.phone.number({ style: 'human' }),
  ),
  'phone.phoneNumberFormat': F((f) => f.phone.number({ style: 'national' })),
  'phone.phoneFormats': {
    call: (ctx) => pick(ctx.rng, ['###-###-####', '(###) ###-####', '1-###-###-####', '###.###.####', '###-###-#### x###']),
  },

  // random (number, arrayElement, weightedArrayElement, uuid: kdg.ts)
  'random.objectElement': F((f, a) => {
    const o = isPlainObject(a[0]) && Object.keys(a[0]).length ? a[0] : { foo: 'bar', too: 'car' };
    const key = f.helpers.arrayElement(Object.keys(o));
    return a[1] === 'key' ? key : o[key];
  }),
  'random.boolean': { call: (ctx) => ctx.rng.next() < 0.5 },
  'random.word': F((f) => f.word.sample()),
  'random.words': F((f, a) => f.word.words(optNum(a[0]) ?? { count: { min: 1, max: 3 } })),
  'random.image': F((f) => f.image.url()),
  'random.locale': { call: () => 'en' },
  'random.alphaNumeric': F((f, a) => f.string.alphanumeric({ length: num(a[0], 1) || 1, casing: 'lower' })),
  'random.hexaDecimal': F((f, a) => f.string.hexadecimal({ length: num(a[0], 1) || 1, casing: 'lower' })),
  'random.float': F((f, a) =>
    isPlainObject(a[0])
      ? f.number.float({ min: num(a[0].min, 0), max: num(a[0].max, 99999), fractionDigits: optNum(a[0].fractionDigits) })
      : f.number.float({ max: num(a[0], 99999) }),
  ),

  // system
  'system.fileName': F((f) => fileNameOf(f.word.words({ count: { min: 1, max: 3 } }), f.system.fileExt())),
  'system.commonFileName': F((f, a) => fileNameOf(f.word.words({ count: { min: 1, max: 3 } }), optStr(a[0]) ?? f.system.commonFileExt())),
  'system.mimeType': F((f) => f.system.mimeType()),
  'system.commonFileType': F((f) => f.system.commonFileType()),
  'system.commonFileExt': F((f) => f.system.commonFileExt()),
  'system.fileType': F((f) => f.system.fileType()),
  'system.fileExt': F((f, a) => f.system.fileExt(optStr(a[0]))),
  'system.directoryPath': F((f) => f.system.directoryPath()),
  'system.filePath': F((f) => f.system.filePath()),
  'system.semver': F((f) => f.system.semver()),
};
