/**
 * The analyst subtopics, each under an IPTC Media Topics top level (taxonomy.ts). Parents follow
 * IPTC where it has the concept (defence, international relations, elections and human rights sit
 * under politics; acts of terror and weapons of mass destruction under conflict, war and peace) and
 * the nearest top level where it has not (maritime security). Weights as in taxonomy.ts.
 */
import { kw } from './define';
import type { TopicDefinition } from './types';

const CONFLICT = 'conflict-war-and-peace';
const POLITICS = 'politics';
const ECONOMY = 'economy-business-and-finance';
const DISASTER = 'disaster-accident-and-emergency-incident';
const SCIENCE = 'science-and-technology';
const CRIME = 'crime-law-and-justice';

export const SUBTOPICS: readonly TopicDefinition[] = [
  {
    id: 'defense-and-military-cooperation',
    label: 'defense and military cooperation',
    parent: POLITICS,
    keywords: kw({
      3: 'defense cooperation, defence cooperation, military cooperation, defense ties, defence ties, military ties, defense pact, defence pact, mutual defense, joint military exercise, joint maritime patrol',
      2.5: 'joint exercise, combined exercise, joint drill, military aid, military assistance, military alliance, arms deal, arms sales',
      2: 'security cooperation, military diplomacy, military exercise, military drill, joint patrol, defense capabilities, defence capabilities, defense industry, defence industry, military training, military academy, war college',
      1.5: 'defense minister, defence minister, minister of defense, minister of defence, defense ministry, defence ministry, ministry of defense, ministry of defence, armed forces, rear admiral, admiral, strategic partnership, security forum, military officials, defense technology, defence technology, collective security, chief of staff',
      1: 'military, army, navy, air force, commander, defense, defence',
      0.5: 'troops',
    }),
    tags: { 'armed-forces': 1.5, alliance: 2, ministry: 0.5, forum: 0.5 },
  },
  {
    id: 'armed-conflict',
    label: 'armed conflict',
    parent: CONFLICT,
    keywords: kw({
      3: 'armed conflict',
      2.5: 'ceasefire, cease fire, airstrike, air strike, drone strike, missile strike, shelling, bombardment, civilian casualties',
      2: 'warfare, truce, invasion, insurgent, frontline, hostilities, siege, artillery, ground operation, drone attack, war crimes, ongoing conflict',
      1.5: 'war, militant, rebel, front line, casualties, gunfire, military operation, hostage',
      1: 'offensive, troops, soldier, conflict, combat, clashes, occupation, escalation, rocket, missile',
      0.75: 'battle, fighting',
      0.5: 'killed',
    }),
    tags: { 'armed-group': 1.5, territory: 1 },
  },
  {
    id: 'terrorism',
    label: 'terrorism',
    parent: CONFLICT,
    keywords: kw({
      3: 'terrorism, terror attack, terrorist attack, suicide bomber, suicide bombing, counterterrorism, counter terrorism',
      2.5: 'terrorist, jihadist, improvised explosive device, car bomb',
      2: 'radicalization, radicalisation',
      1.5: 'extremist, militant group, gunman',
      1: 'bombing, hostage',
    }),
    tags: { 'armed-group': 1 },
  },
  {
    id: 'peace-process',
    label: 'peace process',
    parent: CONFLICT,
    keywords: kw({
      3: 'peace process, peace talks, peace agreement, peace deal, peace treaty, peace negotiations',
      2.5: 'peace plan, armistice',
      2: 'peacekeeping, peacekeeper, peacebuilding, prisoner exchange, prisoner swap',
      1.5: 'ceasefire, reconciliation, mediation, mediator, disarmament',
      1: 'truce',
    }),
  },
  {
    id: 'maritime-security',
    label: 'maritime security',
    parent: CONFLICT,
    keywords: kw({
      3: 'maritime security, joint maritime patrol, freedom of navigation',
      2.5: 'maritime cooperation, maritime patrol, naval patrol, piracy, sea lanes, territorial waters, exclusive economic zone, naval exercise, naval drill',
      2: 'warship, frigate, aircraft carrier, coast guard, shipping lanes, port call',
      1.5: 'maritime, naval, destroyer, submarine, pirate, blockade',
      1: 'navy, tanker, vessel, fleet',
    }),
    tags: { sea: 1.5, strait: 2, ocean: 1 },
  },
  {
    id: 'nuclear-programs',
    label: 'nuclear programs',
    parent: CONFLICT,
    keywords: kw({
      3: 'nuclear program, nuclear programme, nuclear weapon, uranium enrichment, enriched uranium, nuclear deal, nuclear talks, nuclear warhead, nuclear arsenal, jcpoa',
      2.5: 'centrifuge, non proliferation, nonproliferation, nuclear test, arms control',
      2: 'nuclear facility, nuclear site, iaea, atomic energy agency',
      1.5: 'enrichment, uranium, warhead, ballistic missile',
      1: 'nuclear',
    }),
  },
  {
    id: 'protests-and-civil-unrest',
    label: 'protests and civil unrest',
    parent: CONFLICT,
    keywords: kw({
      3: 'civil unrest, coup attempt',
      2.5: 'riot police, tear gas',
      2: 'protester, protestor, demonstrator, riot, uprising, coup',
      1.5: 'protest, unrest, crackdown, curfew',
      1: 'demonstration',
      0.75: 'rally',
    }),
  },
  {
    id: 'arms-and-weapons',
    label: 'arms and weapons',
    parent: CONFLICT,
    keywords: kw({
      3: 'weapon system, arms exports, missile defense, missile defence, air defense system, air defence system, arms manufacturer, arms industry, military hardware, howitzer',
      2.5: 'arms deal, arms sales, hypersonic, fighter jet, air defense, air defence, munitions, ballistic missile, defense contractor, defence contractor',
      2: 'ammunition',
      1.5: 'weapons, missile, artillery',
      1: 'drone',
    }),
  },
  {
    id: 'diplomacy',
    label: 'diplomacy',
    parent: POLITICS,
    keywords: kw({
      3: 'rapprochement',
      2.5: 'diplomacy, bilateral relations, bilateral talks, state visit',
      2: 'diplomatic, diplomat, ambassador, envoy, foreign minister, foreign ministry, minister of foreign affairs, bilateral meeting, official visit, foreign policy, memorandum of understanding, joint statement, foreign relations',
      1.5: 'embassy, secretary of state, bilateral, multilateral, summit, on the sidelines, treaty, consulate, international relations, counterpart, delegation, strategic partnership, bilateral cooperation',
      1: 'normalization, military diplomacy',
      0.5: 'talks, partnership',
    }),
    tags: { forum: 1, 'regional-organization': 1, 'international-organization': 0.5, ministry: 0.5 },
  },
  {
    id: 'sanctions',
    label: 'sanctions',
    parent: POLITICS,
    keywords: kw({
      3: 'sanction, asset freeze, ofac, secondary sanctions, sanctions relief',
      2.5: 'embargo, frozen assets, export controls, restrictive measures',
      2: 'blacklist, entity list, punitive measures',
      1.5: 'travel ban',
      1: 'treasury department',
    }),
  },
  {
    id: 'elections',
    label: 'elections',
    parent: POLITICS,
    keywords: kw({
      3: 'polling station, election commission, electoral commission',
      2.5: 'election, ballot, opinion poll, electoral, referendum, runoff, presidential race, reelection, re election',
      2: 'voter, constituency, electorate',
      1.5: 'vote, candidate, turnout, incumbent',
      1: 'poll, elected',
      0.5: 'campaign',
    }),
  },
  {
    id: 'human-rights',
    label: 'human rights',
    parent: POLITICS,
    keywords: kw({
      3: 'human rights, arbitrary detention, crimes against humanity, ethnic cleansing, extrajudicial',
      2.5: 'amnesty international, political prisoner, freedom of expression, genocide, civil liberties, forced labor, forced labour',
      2: 'rights group, torture, freedom of speech, death penalty, war crimes, persecution, dissident',
      1.5: 'activist, abuses, press freedom',
      1: 'execution',
    }),
  },
  {
    id: 'intelligence-and-espionage',
    label: 'intelligence and espionage',
    parent: POLITICS,
    keywords: kw({
      3: 'espionage, intelligence agency, intelligence service, counterintelligence',
      2.5: 'spy, intelligence officer, cia, mossad, mi6',
      2: 'fsb, classified documents',
      1.5: 'surveillance, informant, covert',
      1: 'intelligence',
    }),
  },
  {
    id: 'trade-and-transport',
    label: 'trade and transport',
    parent: ECONOMY,
    keywords: kw({
      3: 'trade route, trade corridor, transport corridor, trade deal, trade agreement, free trade, trade war, trade deficit, trade surplus, bilateral trade, trade volume, trade turnover',
      2.5: 'economic corridor, transit route, rail link, tariff, belt and road',
      2: 'logistics, freight, cargo, seaport, supply chain',
      1.5: 'corridor, connectivity, shipping, railway, railroad, export, import, exporter, importer, transport, transportation, shipping lanes',
      1: 'trade, container, highway, transit',
      0.75: 'customs, infrastructure',
      0.5: 'port, route',
    }),
    tags: { corridor: 3, initiative: 1.5 },
  },
  {
    id: 'energy',
    label: 'energy',
    parent: ECONOMY,
    keywords: kw({
      3: 'renewable energy, energy security, energy cooperation, oil prices',
      2.5: 'gas pipeline, nuclear power, nuclear energy, oil and gas, energy sector, opec',
      2: 'crude oil, natural gas, lng, liquefied natural gas, refinery, power plant, power grid, renewables, wind power, wind farm, fossil fuel, oil field, oilfield, gas field, petroleum, megawatt, gigawatt, solar power, solar panel',
      1.5: 'crude, pipeline, barrel, electricity, coal, kilowatt, hydrocarbon',
      1: 'solar, energy, oil, fuel, tanker',
      0.5: 'gas',
    }),
  },
  {
    id: 'financial-markets',
    label: 'financial markets',
    parent: ECONOMY,
    keywords: kw({
      3: 'stock market, dow jones, nasdaq, bond yields, treasury yields, forex, cryptocurrency, bitcoin, market capitalization, initial public offering, bear market, bull market, stock exchange, earnings per share',
      2.5: 'wall street, hedge fund, exchange rate, ipo, dividend',
      2: 'equities, selloff, sell off, brokerage',
      1.5: 'investor, currency',
      1: 'bond, portfolio',
      0.75: 'stock, shares',
    }),
  },
  {
    id: 'monetary-policy',
    label: 'monetary policy',
    parent: ECONOMY,
    keywords: kw({
      3: 'central bank, interest rate, monetary policy, federal reserve, rate hike, rate cut, quantitative easing, consumer price index, european central bank, bank of england, deflation, money supply, benchmark rate, policy rate',
      2.5: 'inflation, basis points, ecb',
      2: 'the fed, consumer prices',
    }),
  },
  {
    id: 'agriculture-and-food-security',
    label: 'agriculture and food security',
    parent: ECONOMY,
    keywords: kw({
      3: 'food security, grain exports',
      2.5: 'agriculture, agricultural, food prices, agribusiness',
      2: 'farmer, crop, harvest, wheat, grain, fertilizer, livestock, irrigation, maize, soybean, fishery',
      1.5: 'corn, cattle, dairy',
      1: 'farm, rice',
    }),
  },
  {
    id: 'humanitarian-aid',
    label: 'humanitarian aid',
    parent: DISASTER,
    keywords: kw({
      3: 'humanitarian aid, humanitarian assistance, humanitarian crisis, humanitarian corridor, aid convoy, relief supplies, food aid, emergency aid',
      2.5: 'aid workers, aid agency, relief effort, famine, red cross, red crescent, world food programme, ocha, unrwa',
      2: 'humanitarian, food insecurity, malnutrition, essential supplies',
      1.5: 'medical supplies, unicef',
      1: 'relief, shelter, ngo, donor, donation',
      0.75: 'aid',
    }),
    tags: { humanitarian: 3 },
  },
  {
    id: 'disaster-management',
    label: 'disaster management',
    parent: DISASTER,
    keywords: kw({
      3: 'disaster management, disaster response, disaster relief, disaster preparedness, disaster risk reduction, emergency management',
      2.5: 'natural disaster, emergency response, crisis management, civil protection, search and rescue, relief operation',
      2: 'civil defense, civil defence, rescue team, rescue operation, early warning',
      1.5: 'preparedness, evacuation, evacuated',
      1: 'resilience',
      0.5: 'crisis, emergency, readiness',
    }),
  },
  {
    id: 'public-health',
    label: 'public health',
    parent: 'health',
    keywords: kw({
      3: 'public health, pandemic, infectious disease, covid, coronavirus, cholera, measles, malaria, ebola, tuberculosis, polio, mpox, contact tracing, centers for disease control, bird flu',
      2.5: 'epidemic, vaccination, immunization, hiv, influenza',
      2: 'outbreak, vaccine, quarantine, health ministry, ministry of health, world health organization, cdc',
      1.5: 'infection, virus, flu',
    }),
  },
  {
    id: 'climate-change',
    label: 'climate change',
    parent: 'environment',
    keywords: kw({
      3: 'climate change, global warming, greenhouse gas, carbon emissions, net zero, carbon neutral, decarbonization, climate summit, sea level rise, rising sea levels, climate crisis, ipcc',
      2.5: 'paris agreement',
      2: 'carbon dioxide, extreme weather',
      1.5: 'emissions',
      1: 'climate, methane, fossil fuel, renewable, carbon',
    }),
  },
  {
    id: 'cybersecurity',
    label: 'cybersecurity',
    parent: SCIENCE,
    keywords: kw({
      3: 'cybersecurity, cyber security, cyberattack, cyber attack, ransomware, malware, data breach, phishing, botnet, ddos, spyware, cyber espionage, cyber warfare',
      2.5: 'hacker, denial of service, zero day',
      2: 'hack, cyberspace',
      1.5: 'cyber, encryption',
      1: 'vulnerability, password',
    }),
  },
  {
    id: 'space',
    label: 'space',
    parent: SCIENCE,
    keywords: kw({
      3: 'outer space, space station, spacecraft, astronaut, cosmonaut, space agency, space exploration, spaceflight, space program, space programme, roscosmos, space industry',
      2.5: 'rocket launch, launch vehicle, nasa, spacex, launch pad, asteroid',
      2: 'orbit, orbital, lunar, rover, telescope, space force',
      1.5: 'satellite, mars, payload',
      1: 'moon',
    }),
  },
  {
    id: 'artificial-intelligence',
    label: 'artificial intelligence',
    parent: SCIENCE,
    keywords: kw({
      3: 'artificial intelligence, machine learning, chatbot, chatgpt, large language model, generative ai, neural network, deep learning, openai',
      2.5: 'deepfake, ai model',
      1.5: 'ai',
      1: 'algorithm',
    }),
  },
  {
    id: 'migration-and-refugees',
    label: 'migration and refugees',
    parent: 'society',
    keywords: kw({
      3: 'refugee, asylum seeker, internally displaced, refugee camp',
      2.5: 'migrant, migration, asylum, immigration, immigrant, deportation',
      2: 'displaced, displacement, deported, undocumented, unhcr',
      1.5: 'border crossing, smuggler',
      0.75: 'visa',
    }),
  },
  {
    id: 'organized-crime-and-trafficking',
    label: 'organized crime and trafficking',
    parent: CRIME,
    keywords: kw({
      3: 'organized crime, organised crime, drug trafficking, drug cartel, human trafficking, money laundering, arms trafficking',
      2.5: 'trafficker, narcotics, cocaine, heroin, fentanyl, methamphetamine, mafia, contraband, drug seizure',
      2: 'trafficking, smuggling, smuggler',
      1.5: 'cartel, gang, illicit, interpol',
    }),
  },
  {
    id: 'corruption',
    label: 'corruption',
    parent: CRIME,
    keywords: kw({
      3: 'corruption, bribery, bribe, embezzlement, kickback, anti corruption',
      2.5: 'graft, nepotism, misappropriation, abuse of power',
      2: 'corrupt',
      1.5: 'fraud',
    }),
  },
  {
    id: 'education-and-academic-exchange',
    label: 'education and academic exchange',
    parent: 'education',
    keywords: kw({
      3: 'educational exchange, academic exchange, student exchange, academic cooperation, study abroad, exchange of professors, exchange of students, professors and students',
      2.5: 'exchange program, exchange programme, university cooperation, visiting scholar, international students, foreign students',
      2: 'academia, cultural exchange, people to people, joint research',
      1.5: 'scholarship, scholar, academic',
      1: 'university, professor, student, education, educational',
    }),
    tags: { university: 1 },
  },
];
