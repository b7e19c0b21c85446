/**
 * Closed word classes that decide what a capitalized run is: titles and roles (people, never part of
 * the name), heads of organization and place names, connectors allowed inside names, and the
 * function words that are capitalized only because a sentence starts with them. All lower case.
 */

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** Titles and roles before a person's name ("Rear Admiral", "Sen.", "Deputy Minister"). */
export const TITLES = words(`
  mr mrs ms miss mx dr prof sir dame lord lady madam mme mlle herr monsieur
  president vice-president vice premier chancellor minister secretary deputy undersecretary
  prime foreign defense defence interior finance trade economy health education justice
  senator sen rep representative congressman congresswoman assemblyman councilman councillor
  councilwoman alderman governor gov lieutenant lt mayor ambassador envoy consul commissioner
  chairman chairwoman chair chairperson ceo cfo coo cto founder co-founder director
  spokesman spokeswoman spokesperson chief head leader speaker attorney solicitor counsel
  judge justice magistrate king queen prince princess emperor empress sultan emir sheikh
  shaikh ayatollah hojatoleslam imam mullah rabbi pope cardinal bishop archbishop reverend rev
  father pastor brother sister elder
  general gen admiral adm rear commodore colonel col captain capt commander cmdr major maj
  brigadier sergeant sgt corporal cpl private pvt marshal field officer inspector detective
  superintendent constable agent coach manager professor lecturer doctor nurse dean provost
  rector principal chancellor-elect president-elect acting former late senior junior
  executive managing associate assistant general-secretary secretary-general
  striker midfielder defender goalkeeper forward pitcher quarterback
  administrator mp mep mla msp
`);

/**
 * Occupations and descriptions written before a person's name without being a title of address
 * ("actor Tom Cruise", "NFL insider Jane Doe"): never part of the name, and not stripped as titles
 * elsewhere because many also end ordinary names ("Gary Player").
 */
export const DESCRIPTORS = words(`
  actor actress singer songwriter rapper musician composer artist painter sculptor photographer
  designer architect writer author novelist poet playwright journalist reporter correspondent
  columnist editor publisher anchor presenter host broadcaster commentator analyst insider
  critic blogger filmmaker producer comedian dancer model star player athlete champion
  boxer wrestler golfer cyclist swimmer skier sprinter runner lawyer economist scientist
  researcher physicist chemist biologist historian activist campaigner businessman businesswoman
  entrepreneur investor billionaire millionaire tycoon banker developer engineer astronaut pilot
  chef owner candidate nominee incumbent challenger rival opponent veteran survivor victim
  suspect defendant plaintiff witness teacher student priest monk nun cleric preacher
`);

/**
 * Roles that end a run without being part of a name: "Harlow County Attorney General" is a role in
 * Harlow County, "NASA Administrator" one at NASA. Narrower than TITLES, which also end real names
 * ("Heinz Field", "Argus Leader").
 */
export const ROLE_ENDINGS = words(`
  president vice-president minister secretary senator congressman congresswoman governor mayor
  ambassador commissioner chairman chairwoman chairperson ceo cfo coo cto founder co-founder
  director spokesman spokeswoman spokesperson administrator attorney mp mep mla msp
  secretary-general attorney-general
`);

/**
 * Sentence words that may be capitalized at a name's edge without belonging to it: "The" in "for
 * The Daily Bugle", "When" in a quoted "When Holcroft Motors failed", "The" in "Group D. The".
 * Numbers and quantifiers are not among them ("First Republic Bank", "Formula One").
 */
export const EDGE_WORDS = words(`
  the a an this that these those and or but nor so yet if then when while whilst because although
  though as at by for from in into of on onto with without after before since until unless where
  why how what who which whom whose also however meanwhile moreover indeed perhaps maybe yes oh
  according including despite during even just only now here there it its he she we they you
  hey hi hello thanks please
`);

/** Compass words: inside place names ("North Dakota", "Kowloon West"), never names alone. */
export const COMPASS = words(`
  north south east west northern southern eastern western northeast northwest southeast southwest
  northeastern northwestern southeastern southwestern central
`);

/**
 * Second parts of hyphenated adjectives built on a name ("Delhi-based", "Oscar-winning"): the
 * word describes something else and is not a name.
 */
export const ADJECTIVE_SUFFIXES = words(`
  based born bred raised like style styled sized size led owned backed run made era
  winning nominated funded linked affiliated controlled critic friendly themed inspired related
  speaking dominated allied aligned registered listed headquartered bound area wide
`);

/** Possessors that stay inside a name before a capital: "People's Liberation Army", "King's College". */
export const POSSESSORS = words(`
  people peoples women men children workers veterans farmers teachers nurses citizens soldiers
  students boys girls mothers fathers king queen lord prince princess bishop st saint
`);

/** Portfolio words that follow a role's "of": "Minister of Defense", "Secretary of State". */
export const PORTFOLIOS = words(`
  defense defence state foreign affairs interior finance treasury justice health education
  labor labour trade commerce industry agriculture energy environment transport transportation
  culture information communications home economy economic planning science technology
  research security intelligence housing welfare tourism sport sports youth women family
  internal external public works development war navy army staff operations
`);

/** Last words (or words before "of") that make a run an organization name. */
export const ORG_HEADS = words(`
  committee government commission council university college institute institution academy school
  ministry department agency administration bureau office service services party bank fund
  group inc inc. corp corp. corporation company co co. ltd ltd. llc plc ag gmbh sa association
  union federation league organization organisation foundation society authority board court
  parliament assembly congress senate army navy force forces guard guards police corps command
  brigade brigades battalion regiment division fleet militia movement front alliance coalition
  times post news herald tribune journal gazette press network media television tv radio
  broadcasting studios records motors airlines airways railways systems technologies
  holdings partners industries laboratories laboratory lab labs observatory center centre
  hospital clinic museum library gallery trust church mosque synagogue temple monastery
  cabinet secretariat tribunal programme program initiative project forum club team fc
  exchange reserve  conference summit festival games cup championship olympics
  commissariat directorate inspectorate chamber caucus mission embassy consulate
  magazine newspaper review quarterly weekly daily
  cooperative consortium syndicate enterprises bancorp entertainment pictures
  nations republicans democrats
  electronics brothers brotherhood aerospace robotics gaming esports healthcare pharmaceuticals
  telecom software ventures hotel hotels resorts casino stadium arena
`);

/** Heads that take "on" into their name: "Council on Foreign Relations", "Committee on Climate Change". */
export const ON_HEADS = words(`
  committee subcommittee council commission conference forum summit panel caucus institute center
  centre convention court tribunal board
`);

/** Last words that make a run a place name ("Yangtze River", "Hormozgan Province"). */
export const PLACE_HEADS = words(`
  city county province state region district territory prefecture governorate oblast krai
  municipality borough township town village valley river lake sea ocean bay gulf strait
  straits channel canal peninsula island islands isle isles archipelago coast shore beach
  mountain mountains mount mt hills hill heights range ridge plateau desert forest park
  street st road avenue ave boulevard blvd square plaza bridge airport port harbor harbour
  station highway corridor basin delta falls cape reef glacier canyon plain plains springs memorial
`);

/** First words that make a run a place name ("South Ossetia", "Lake Urmia", "Mount Damavand"). */
export const PLACE_PREFIXES = words(`
  north south east west northern southern eastern western upper lower central greater new
  northeast northwest southeast southwest lake mount mt cape port fort san santa st saint gulf los las
`);

/** Words that may sit inside a name between capitalized words, if the name's head allows it. */
export const CONNECTORS = words(
  `of the for on and & de del della der den di da das do dos du des la le van von y al el bin ibn bint ben zu`,
);

/** Name particles that join a person's given name to a family name ("Charles de Gaulle"). */
export const PARTICLES = words(`de del della der den di da das do dos du des la le van von y al el bin ibn bint ben zu`);

/** Words capitalized only because they start a sentence or sit in a headline: never names alone. */
export const FUNCTION_WORDS = words(`
  a an the this that these those there here it its it's i i'm i've i'd i'll we us our you your
  he him his she her they them their who whom whose which what when where why how
  and or but nor so yet if then than because although though while whilst unless until since
  as at by for from in into of off on onto out over under up upon with within without about
  above across after against along amid among around before behind below beneath beside between
  beyond despite during except inside near outside per through throughout toward towards via
  however meanwhile moreover furthermore nevertheless nonetheless therefore thus instead also
  still already yet indeed perhaps maybe otherwise besides hence accordingly consequently
  later earlier today yesterday tomorrow tonight now then once again soon finally first second
  third last next another other others some many much more most few several all both each every
  any no not none neither either one two three four five six seven eight nine ten
  according following including regarding despite given
  be is are was were been being am do does did has have had having will would shall should can
  could may might must
  yes oh ok okay well please thank thanks dear hello
  mr mrs ms
`);

export const MONTHS_AND_DAYS = words(`
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  monday tuesday wednesday thursday friday saturday sunday
`);

/** Verbs of speech after a name: "Carbonnier said". */
export const SPEECH_VERBS = words(`said says told added explained noted stated argued claimed wrote asked replied
  announced warned insisted stressed emphasized emphasised urged admitted acknowledged confirmed denied recalled
  continued concluded tweeted responded commented suggested believes believed thinks thought`);

/** Prepositions that put a place after them: "in Hormozgan". */
export const PLACE_PREPOSITIONS = words(`in at near from to across outside inside throughout towards toward into`);

/** Upper-case abbreviations of ordinary words, not of names. */
export const PLAIN_ACRONYMS = words(`
  iq gmt utc bst cet est edt pst pdt tv dvd cd dna rna hiv aids sars gdp gnp ceo cfo cto coo
  phd mba ba bsc msc md ok am pm ad bc bce ce id pc usb sms gps uv ai vr pdf faq vip diy asap
  rsvp fyi lol omg mph kph km kg cm mm ml rpm hq atm suv lcd led lng lpg co2 ppm mw kw gw
`);
