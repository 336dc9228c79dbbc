/**
 * What each helper of the registry does, for completion and hover in the template editor: its
 * parameters, one line of description, and the arguments of an example call. Keyed by the names
 * registry.ts knows (a test holds the two together: every helper documented, nothing else).
 */
export interface HelperDoc {
  /** One line: what a call writes into the record. */
  summary: string;
  /** The parameters, as written between the parentheses: `max | {"min","max","precision"}`; none when it takes none. */
  params?: string;
  /** The arguments of an example call, as written between the parentheses. */
  example?: string;
}

// [summary, params, example arguments]
type Row = [string, string?, string?];

const rows: Record<string, Row> = {
  // KDG's own
  'current.timestamp': ['The current time in ISO 8601 with the offset (the same as date.now)'],
  'date.now': ['The current time, in a dayjs/moment format; ISO 8601 without one', 'format', '"YYYY-MM-DD HH:mm:ss"'],
  'date.utc': ['The current time in UTC, in a dayjs/moment format; ISO 8601 ending in Z without one', 'format', '"YYYY-MM-DD"'],
  'date.simTime': ['The simulated time of the run (the emulator clock), in ISO 8601'],
  'random.number': ['A random number from 0 to max (inclusive), or between min and max in steps of precision', 'max | {"min","max","precision"}', '{"min":0,"max":100}'],
  'random.arrayElement': ['One element of the array, picked at random', 'array', '["OK","FAIL","WARN"]'],
  'random.weightedArrayElement': ['One element of data, picked with the matching weight', '{"weights":[..],"data":[..]}', '{"weights":[0.7,0.3],"data":["OK","FAIL"]}'],
  'random.uuid': ['A random UUID (version 4)'],
  'internet.session': ['A web session id: 32 hexadecimal characters'],
  'address.nearbyGPSCoordinate': ['"latitude,longitude" within radius miles (km when isMetric) of a point', '{"coordinate":[lat,lng],"radius","isMetric"}', '{"coordinate":[47.61,-122.33],"radius":10}'],

  // the template language
  'sequence.next': ['1, 2, 3, ... across the run; each occurrence counts on its own', 'start = 1, step = 1', '100, 5'],
  'var.set': ['Writes the value and keeps it under name for later tags of the same record', 'name, value', '"id", random.uuid'],
  'var.let': ['Keeps the value under name without writing it', 'name, value', '"id", random.uuid'],
  'var.get': ['Writes the value kept under name (the same as {{var.name}})', 'name', '"id"'],

  // address
  'address.zipCode': ['A postal code, optionally in a format where # is a digit', 'format', '"#####"'],
  'address.zipCodeByState': ['A postal code of a US state', 'state', '"WA"'],
  'address.city': ['A city name'],
  'address.cityName': ['A city name'],
  'address.cityPrefix': ['A city name prefix such as North or Port'],
  'address.citySuffix': ['A city name suffix such as ville or town'],
  'address.streetName': ['A street name'],
  'address.streetAddress': ['A street address, with a flat number when the argument is true', 'useFullAddress = false', 'true'],
  'address.streetSuffix': ['A street suffix such as Avenue'],
  'address.streetPrefix': ['A street prefix (a, b or c, as faker 3.1 gives)'],
  'address.secondaryAddress': ['An apartment or suite number'],
  'address.county': ['A county name'],
  'address.country': ['A country name'],
  'address.countryCode': ['A two-letter country code'],
  'address.state': ['A US state name'],
  'address.stateAbbr': ['A US state abbreviation'],
  'address.latitude': ['A latitude with 4 decimals', 'max = 90, min = -90', '50, 40'],
  'address.longitude': ['A longitude with 4 decimals', 'max = 180, min = -180', '10, -10'],
  'address.direction': ['A compass direction, abbreviated when the argument is true', 'abbreviated = false', 'true'],
  'address.cardinalDirection': ['North, East, South or West, abbreviated when the argument is true', 'abbreviated = false', 'true'],
  'address.ordinalDirection': ['Northeast, Southeast, ..., abbreviated when the argument is true', 'abbreviated = false', 'true'],
  'address.timeZone': ['A time zone name such as Europe/Paris'],

  // commerce
  'commerce.color': ['A color name'],
  'commerce.department': ['A shop department'],
  'commerce.productName': ['A product name'],
  'commerce.price': ['A price between min and max with dec decimals, after the symbol', 'min = 1, max = 1000, dec = 2, symbol = ""', '1, 50, 2, "$"'],
  'commerce.productAdjective': ['A product adjective'],
  'commerce.productMaterial': ['A product material'],
  'commerce.product': ['A product noun'],
  'commerce.productDescription': ['A product description'],

  // company
  'company.suffixes': ['The company suffixes, comma-separated'],
  'company.companyName': ['A company name'],
  'company.companySuffix': ['A company suffix such as LLC'],
  'company.catchPhrase': ['A catch phrase'],
  'company.bs': ['A buzzword phrase'],
  'company.catchPhraseAdjective': ['A catch phrase adjective'],
  'company.catchPhraseDescriptor': ['A catch phrase descriptor'],
  'company.catchPhraseNoun': ['A catch phrase noun'],
  'company.bsAdjective': ['A buzzword adjective'],
  'company.bsBuzz': ['A buzzword verb'],
  'company.bsNoun': ['A buzzword noun'],

  // date
  'date.past': ['A date within the past years before refDate (default: now)', 'years = 1, refDate', '2'],
  'date.future': ['A date within the next years after refDate (default: now)', 'years = 1, refDate', '2'],
  'date.between': ['A date between from and to', 'from, to', '"2026-01-01", "2026-02-01"'],
  'date.recent': ['A date within the past days', 'days = 1', '7'],
  'date.soon': ['A date within the next days', 'days = 1', '7'],
  'date.month': ['A month name, abbreviated with {"abbr":true}', '{"abbr"}', '{"abbr":true}'],
  'date.weekday': ['A weekday name, abbreviated with {"abbr":true}', '{"abbr"}', '{"abbr":true}'],

  // finance
  'finance.account': ['An account number of length digits', 'length = 8', '10'],
  'finance.accountName': ['An account name such as Savings Account'],
  'finance.mask': ['length digits, in parentheses and after an ellipsis when asked', 'length = 4, parens, ellipsis', '4, true, true'],
  'finance.amount': ['An amount between min and max with dec decimals, after the symbol', 'min = 0, max = 1000, dec = 2, symbol = ""', '10, 500, 2'],
  'finance.transactionType': ['A transaction type such as deposit'],
  'finance.currencyCode': ['A currency code such as EUR'],
  'finance.currencyName': ['A currency name'],
  'finance.currencySymbol': ['A currency symbol'],
  'finance.bitcoinAddress': ['A Bitcoin address'],
  'finance.iban': ['An IBAN'],
  'finance.bic': ['A BIC (SWIFT code)'],

  // hacker
  'hacker.abbreviation': ['A tech abbreviation such as TCP'],
  'hacker.adjective': ['A tech adjective'],
  'hacker.noun': ['A tech noun'],
  'hacker.verb': ['A tech verb'],
  'hacker.ingverb': ['A tech verb ending in -ing'],
  'hacker.phrase': ['A tech phrase'],

  // helpers
  'helpers.randomize': ['One element of the array, picked at random', 'array', '["a","b","c"]'],
  'helpers.slugify': ['The text as a URL slug', 'text', '"Hello World"'],
  'helpers.replaceSymbolWithNumber': ['The text with each symbol replaced by a digit', 'text, symbol = "#"', '"SN-####"'],
  'helpers.replaceSymbols': ['The text with # as a digit, ? as a letter and * as either', 'text', '"??-###"'],
  'helpers.shuffle': ['The array in a random order', 'array', '["a","b","c"]'],
  'helpers.mustache': ['The text with {{key}} replaced by the object\'s values', 'text, object', '"Hi {{n}}", {"n":"Ann"}'],
  'helpers.createCard': ['A person\'s card with an account history, as JSON'],
  'helpers.contextualCard': ['A person\'s card with an avatar, as JSON'],
  'helpers.userCard': ['A person\'s card, as JSON'],
  'helpers.createTransaction': ['A bank transaction, as JSON'],

  // image
  'image.image': ['An image URL', 'width = 640, height = 480', '320, 240'],
  'image.avatar': ['An avatar image URL'],
  'image.imageUrl': ['An image URL of a category', 'width = 640, height = 480, category', '320, 240, "cats"'],
  'image.dataUri': ['An image as a data: URI', 'width = 640, height = 480', '32, 32'],
  'image.abstract': ['An image URL of the abstract category', 'width = 640, height = 480', '320, 240'],
  'image.animals': ['An image URL of the animals category', 'width = 640, height = 480', '320, 240'],
  'image.business': ['An image URL of the business category', 'width = 640, height = 480', '320, 240'],
  'image.cats': ['An image URL of the cats category', 'width = 640, height = 480', '320, 240'],
  'image.city': ['An image URL of the city category', 'width = 640, height = 480', '320, 240'],
  'image.food': ['An image URL of the food category', 'width = 640, height = 480', '320, 240'],
  'image.nightlife': ['An image URL of the nightlife category', 'width = 640, height = 480', '320, 240'],
  'image.fashion': ['An image URL of the fashion category', 'width = 640, height = 480', '320, 240'],
  'image.people': ['An image URL of the people category', 'width = 640, height = 480', '320, 240'],
  'image.nature': ['An image URL of the nature category', 'width = 640, height = 480', '320, 240'],
  'image.sports': ['An image URL of the sports category', 'width = 640, height = 480', '320, 240'],
  'image.technics': ['An image URL of the technics category', 'width = 640, height = 480', '320, 240'],
  'image.transport': ['An image URL of the transport category', 'width = 640, height = 480', '320, 240'],

  // internet
  'internet.avatar': ['An avatar image URL'],
  'internet.email': ['An email address, from the names and provider when given', 'firstName, lastName, provider', '"Ann", "Lee", "example.org"'],
  'internet.exampleEmail': ['An email address at an example domain', 'firstName, lastName', '"Ann", "Lee"'],
  'internet.userName': ['A user name, from the names when given', 'firstName, lastName', '"Ann", "Lee"'],
  'internet.protocol': ['http or https'],
  'internet.url': ['A URL'],
  'internet.domainName': ['A domain name'],
  'internet.domainSuffix': ['A domain suffix such as com'],
  'internet.domainWord': ['A word for a domain name'],
  'internet.ip': ['An IPv4 address'],
  'internet.ipv6': ['An IPv6 address'],
  'internet.userAgent': ['A browser user agent string'],
  'internet.color': ['A #rrggbb color, mixed with the base channels', 'red = 0, green = 0, blue = 0', '200, 100, 0'],
  'internet.mac': ['A MAC address'],
  'internet.password': ['A password of length characters, memorable or matching the pattern', 'length = 15, memorable, pattern, prefix', '12'],

  // lorem
  'lorem.word': ['A lorem ipsum word'],
  'lorem.words': ['count lorem ipsum words', 'count = 3', '5'],
  'lorem.sentence': ['A lorem ipsum sentence of wordCount words', 'wordCount', '8'],
  'lorem.slug': ['count lorem ipsum words joined by hyphens', 'count = 3', '4'],
  'lorem.sentences': ['count sentences joined by the separator', 'count, separator = " "', '3'],
  'lorem.paragraph': ['A paragraph of sentenceCount sentences', 'sentenceCount = 3', '2'],
  'lorem.paragraphs': ['count paragraphs joined by the separator', 'count = 3, separator', '2, " "'],
  'lorem.text': ['Some lorem ipsum text'],
  'lorem.lines': ['count lines of lorem ipsum', 'count', '2'],

  // name
  'name.firstName': ['A first name; 0 or "male", 1 or "female" to choose', 'gender', '"female"'],
  'name.lastName': ['A last name', 'gender', '"male"'],
  'name.middleName': ['A middle name', 'gender', '"female"'],
  'name.findName': ['A full name, from the parts when given', 'firstName, lastName, gender', '"Ann"'],
  'name.jobTitle': ['A job title'],
  'name.prefix': ['A name prefix such as Dr.', 'gender', '"female"'],
  'name.suffix': ['A name suffix such as Jr.'],
  'name.title': ['A job title'],
  'name.jobDescriptor': ['A job descriptor such as Senior'],
  'name.jobArea': ['A job area such as Marketing'],
  'name.jobType': ['A job type such as Engineer'],
  'name.gender': ['A gender'],

  // phone
  'phone.phoneNumber': ['A phone number, in a format where # is a digit when given', 'format', '"###-###-####"'],
  'phone.phoneNumberFormat': ['A phone number in the national format'],
  'phone.phoneFormats': ['A phone number format such as ###-###-####'],

  // random
  'random.objectElement': ['A value of the object picked at random, or its key with "key"', 'object, "key"', '{"a":1,"b":2}'],
  'random.boolean': ['true or false'],
  'random.word': ['A random English word'],
  'random.words': ['count random words', 'count', '3'],
  'random.image': ['An image URL'],
  'random.locale': ['The locale: en'],
  'random.alphaNumeric': ['count random lower-case letters and digits', 'count = 1', '8'],
  'random.hexaDecimal': ['count random hexadecimal digits', 'count = 1', '6'],
  'random.float': ['A random number with decimals up to max, or between min and max', 'max | {"min","max","fractionDigits"}', '{"min":0,"max":10,"fractionDigits":2}'],

  // system
  'system.fileName': ['A file name with an extension'],
  'system.commonFileName': ['A file name with a common extension, or the one given', 'extension', '"csv"'],
  'system.mimeType': ['A MIME type'],
  'system.commonFileType': ['A common file type such as image'],
  'system.commonFileExt': ['A common file extension'],
  'system.fileType': ['A file type'],
  'system.fileExt': ['A file extension, of the MIME type when given', 'mimeType', '"image/png"'],
  'system.directoryPath': ['A directory path'],
  'system.filePath': ['A file path'],
  'system.semver': ['A semantic version such as 1.4.2'],
};

export const HELPER_DOCS: Readonly<Record<string, HelperDoc>> = Object.fromEntries(
  Object.entries(rows).map(([name, [summary, params, example]]) => [name, { summary, params, example }]),
);
