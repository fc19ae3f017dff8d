import { normaliseTerm } from '../users/terms';

/** The coarse labels interests are mapped to (API.md, Proximity), in display order. */
export const INTEREST_CATEGORIES = [
  'tech',
  'science',
  'business',
  'arts',
  'music',
  'film',
  'books',
  'ideas',
  'sports',
  'outdoors',
  'travel',
  'food',
  'games',
  'wellbeing',
  'family',
  'social',
  'other',
] as const;

export type InterestCategory = (typeof INTEREST_CATEGORIES)[number];

/**
 * Known interests per category, comma separated and written normalised. A term listed under two
 * categories would make the mapping depend on table order, so the spec checks each appears once.
 */
export const INTEREST_KEYWORDS: Readonly<Record<Exclude<InterestCategory, 'other'>, string>> = {
  tech: `
    tech, technology, programming, coding, software, software engineering, software development,
    engineering, web development, web dev, frontend, front end, backend, back end, full stack,
    fullstack, devops, sre, site reliability, platform engineering, kubernetes, k8s, docker,
    containers, cloud, cloud computing, aws, azure, gcp, serverless, microservices, linux, unix,
    open source, oss, javascript, typescript, node, nodejs, node.js, deno, react, angular, vue,
    svelte, python, java, kotlin, scala, golang, rust, c programming, c++, c#, .net, dotnet,
    ruby, rails, ruby on rails, php, swift, elixir, erlang, haskell, clojure, ocaml, f#, sql,
    nosql, postgres, postgresql, databases, database, data engineering, data science, data,
    big data, analytics, machine learning, ml, ai, artificial intelligence, deep learning, llm,
    llms, generative ai, nlp, computer vision, cybersecurity, cyber security, security, infosec,
    hacking, ethical hacking, pentesting, cryptography, blockchain, crypto, cryptocurrency,
    bitcoin, ethereum, web3, robotics, iot, internet of things, embedded, embedded systems,
    electronics, arduino, raspberry pi, gadgets, computers, hardware, mobile development, ios,
    android, app development, apps, game development, gamedev, ux, ui, ux design, ui design,
    user experience, product design, api, apis, automation, no code, low code, 3d printing, vr,
    virtual reality, ar, augmented reality, quantum computing, saas, compilers,
    distributed systems, algorithms, computer science, cs, mlops, observability, testing, qa,
    agile, scrum
  `,
  science: `
    science, sciences, physics, quantum physics, particle physics, chemistry, biology,
    microbiology, molecular biology, genetics, genomics, bioinformatics, biotech, biotechnology,
    neuroscience, psychology, cognitive science, astronomy, astrophysics, cosmology, space,
    space exploration, rockets, nasa, mathematics, math, maths, statistics, geology, ecology,
    climate science, meteorology, oceanography, marine biology, medicine, research, botany,
    zoology, evolution, archaeology, paleontology, dinosaurs, nanotechnology, materials science,
    linguistics, citizen science, epidemiology, pharmacology, health science, physiology,
    anatomy, stargazing
  `,
  business: `
    business, entrepreneurship, entrepreneur, startups, startup, founders, small business,
    investing, investment, investments, investor, finance, fintech, stocks, stock market,
    trading, venture capital, vc, angel investing, private equity, personal finance, real estate,
    property, marketing, digital marketing, content marketing, seo, sales, b2b, ecommerce,
    e-commerce, retail, product management, product, management, leadership, strategy,
    consulting, economics, accounting, hr, human resources, recruiting, hiring, talent, branding,
    advertising, growth, growth hacking, fundraising, pitching, networking, career, careers,
    career growth, mentoring, mentorship, coaching, freelancing, side hustles, side projects,
    negotiation, operations, supply chain, logistics, innovation, business strategy,
    management consulting, banking
  `,
  arts: `
    art, arts, fine art, painting, drawing, sketching, illustration, sculpture, photography,
    street photography, film photography, design, graphic design, interior design, fashion,
    fashion design, style, architecture, ceramics, pottery, crafts, crafting, diy, knitting,
    crochet, sewing, embroidery, quilting, woodworking, calligraphy, lettering, street art,
    graffiti, museums, galleries, art galleries, art history, contemporary art, modern art,
    digital art, watercolor, watercolour, printmaking, origami, theatre, theater, musicals,
    dance, dancing, ballet, contemporary dance, salsa dancing, tango, swing dancing, improv,
    comedy, stand up, stand up comedy, tattoos, tattoo, jewelry, jewellery, makeup, creativity,
    culture, performing arts, visual arts, cosplay
  `,
  music: `
    music, hardstyle, hardcore, techno, house, house music, deep house, edm, electronic music,
    electronica, trance, dubstep, drum and bass, dnb, dj, djing, hip hop, rap, grime, trap, rock,
    indie, indie rock, alternative, punk, metal, heavy metal, grunge, jazz, blues, classical,
    classical music, opera, pop, k pop, kpop, j pop, r&b, rnb, soul, funk, disco, reggae, ska,
    country, folk, bluegrass, latin music, reggaeton, afrobeats, gospel, singing, choir, guitar,
    bass guitar, piano, keyboard, drums, violin, cello, flute, saxophone, trumpet, ukulele,
    harmonica, music production, producing, songwriting, composing, composition, concerts, gigs,
    live music, festivals, music festivals, raves, vinyl, records, record collecting, synths,
    synthesizers, modular synths, orchestra, band, bands, musician, lo fi, ambient, soundtracks
  `,
  film: `
    film, films, movies, movie, cinema, documentaries, documentary, tv, television, tv series,
    tv shows, series, netflix, anime, animation, filmmaking, film making, cinematography,
    screenwriting, acting, video editing, video production, youtube, vlogging, streaming, horror,
    horror movies, sci-fi movies, marvel, star wars, star trek, film festivals, indie films,
    arthouse, short films, directing, visual effects, vfx
  `,
  books: `
    books, book, reading, literature, novels, fiction, non fiction, nonfiction, poetry, poems,
    writing, creative writing, fantasy, science fiction, sci-fi, scifi, sci fi, comics,
    comic books, manga, graphic novels, book club, book clubs, journalism, blogging,
    short stories, classics, mystery, mysteries, crime fiction, thrillers, audiobooks, libraries,
    storytelling, publishing, copywriting, fan fiction, essays, biographies, memoirs,
    young adult, bookstores
  `,
  ideas: `
    ideas, philosophy, ethics, stoicism, existentialism, logic, critical thinking, politics,
    political science, geopolitics, history, world history, debate, debating, sociology,
    anthropology, theology, religion, futurism, futurology, effective altruism, activism,
    human rights, social justice, feminism, equality, diversity, sustainability, environment,
    environmentalism, climate, climate change, current affairs, news, law, public policy, policy,
    podcasts, ted talks, education, learning, teaching, lifelong learning, psychoanalysis,
    cognitive biases, rationality, mythology, conspiracy theories, urbanism, urban planning,
    civics, democracy
  `,
  sports: `
    sports, sport, football, soccer, american football, nfl, basketball, nba, tennis, padel,
    squash, badminton, table tennis, ping pong, volleyball, beach volleyball, baseball, softball,
    cricket, rugby, golf, hockey, ice hockey, handball, running, marathon, marathons,
    half marathon, jogging, 5k, cycling, road cycling, biking, swimming, triathlon, ironman,
    rowing, gym, crossfit, weightlifting, lifting, powerlifting, bodybuilding, calisthenics,
    boxing, kickboxing, martial arts, mma, karate, judo, jiu jitsu, bjj, taekwondo, muay thai,
    fencing, wrestling, athletics, track and field, skating, ice skating, roller skating,
    skateboarding, formula 1, f1, motorsport, motorsports, darts, bowling, billiards, snooker,
    archery, ultimate frisbee, frisbee, parkour, spinning, workout, workouts, training,
    fantasy football
  `,
  outdoors: `
    outdoors, outdoor, nature, hiking, trekking, walking, camping, wild camping, backpacking,
    climbing, rock climbing, bouldering, mountaineering, mountains, alpinism, trail running,
    mountain biking, mtb, gardening, urban gardening, permaculture, plants, houseplants,
    birdwatching, bird watching, birding, wildlife, fishing, fly fishing, hunting, foraging,
    kayaking, canoeing, paddleboarding, sup, sailing, surfing, kitesurfing, windsurfing,
    scuba diving, diving, freediving, snorkeling, snorkelling, skiing, snowboarding, ski touring,
    paragliding, skydiving, horse riding, horseback riding, equestrian, national parks, beaches,
    the beach, forests, caving, orienteering, geocaching, open water swimming, wild swimming,
    off grid, bushcraft, survival
  `,
  travel: `
    travel, travelling, traveling, trips, road trips, road trip, van life, vanlife,
    digital nomad, nomad, digital nomads, languages, language learning, language exchange,
    polyglot, tourism, exploring, city breaks, weekend trips, cruises, aviation, flying, planes,
    trains, railways, geography, maps, expat, expats, expat life, interrail, interrailing,
    hitchhiking, solo travel, world travel, cultures, cultural exchange, adventure travel,
    luxury travel, travel photography, spanish, french, german, italian, japanese, mandarin,
    english, portuguese, arabic, korean
  `,
  food: `
    food, foodie, cooking, baking, bread, sourdough, pastry, desserts, gastronomy, restaurants,
    fine dining, street food, brunch, wine, wine tasting, natural wine, beer, craft beer,
    homebrewing, home brewing, coffee, specialty coffee, barista, tea, cocktails, mixology,
    whisky, whiskey, gin, sake, vegan, veganism, vegetarian, plant based, bbq, barbecue,
    grilling, sushi, pizza, ramen, tapas, dim sum, chocolate, cheese, fermentation, cuisine,
    italian food, asian food, spicy food, chef, meal prep, recipes, food photography,
    farmers markets, smoothies, tacos, curry
  `,
  games: `
    games, game, gaming, video games, videogames, pc gaming, console gaming, retro gaming,
    board games, boardgames, tabletop, tabletop games, card games, chess, poker, bridge,
    backgammon, mahjong, scrabble, go game, puzzles, jigsaw puzzles, sudoku, crosswords,
    rubiks cube, rubik's cube, dnd, d&d, dungeons and dragons, dungeons & dragons, rpg, rpgs,
    role playing games, tabletop rpg, larp, esports, e-sports, minecraft, fortnite,
    league of legends, playstation, xbox, nintendo, speedrunning, trivia, quizzes, pub quiz,
    pub quizzes, escape rooms, magic the gathering, mtg, pokemon, warhammer, lego,
    strategy games, game nights
  `,
  wellbeing: `
    wellbeing, well being, wellness, yoga, meditation, mindfulness, mental health, fitness,
    pilates, nutrition, health, healthy living, healthy eating, self care, self improvement,
    personal development, personal growth, productivity, therapy, breathwork, spirituality,
    sleep, journaling, tai chi, qigong, massage, sauna, cold plunge, biohacking, longevity,
    holistic health, reiki, stretching, mobility, life coaching, sobriety, burnout,
    work life balance, ayurveda
  `,
  family: `
    family, parenting, parents, parenthood, motherhood, fatherhood, kids, children, babies,
    toddlers, pregnancy, adoption, fostering, homeschooling, pets, pet, dogs, dog, puppies, cats,
    cat, animals, horses, dog walking, dog training, genealogy, family history, ancestry, home,
    homemaking, home improvement, grandchildren, grandparents, family time, weddings, marriage
  `,
  social: `
    social, socialising, socializing, meeting people, meeting new people, making friends,
    friends, friendship, nightlife, parties, partying, clubbing, going out, bars, pubs, karaoke,
    volunteering, volunteer, community, community building, charity, nonprofits, meetups, events,
    dating, relationships, public speaking, toastmasters, conversation, conversations, chatting,
    lgbtq, lgbtq+, pride, clubs, hosting, dinner parties, people
  `,
};

/** Punctuation between words ("hip-hop", "sci/fi") reads as a space; `+`, `#`, `&` stay (c++). */
function plain(term: string): string {
  return term
    .replace(/[^\p{L}\p{N}+#&'.]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The terms of one category's keyword list. */
export function keywordsOf(category: Exclude<InterestCategory, 'other'>): string[] {
  return INTEREST_KEYWORDS[category]
    .split(',')
    .map(normaliseTerm)
    .filter((term) => term.length > 0);
}

const INDEX: ReadonlyMap<string, InterestCategory> = new Map(
  (Object.keys(INTEREST_KEYWORDS) as Exclude<InterestCategory, 'other'>[]).flatMap((category) =>
    keywordsOf(category).flatMap((term) =>
      [normaliseTerm(term), plain(normaliseTerm(term))].map(
        (key) => [key, category as InterestCategory] as const,
      ),
    ),
  ),
);

function singular(word: string): string[] {
  if (word.length <= 3 || !word.endsWith('s') || word.endsWith('ss')) return [];
  const forms = [word.slice(0, -1)];
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  return forms;
}

/**
 * The forms looked up, best first: the whole term, then shorter and shorter tails (the last
 * word usually names the thing: "indie rock", "board games", "wildlife photography"), then each
 * word from the right; each also without a plural "s".
 */
export function interestLookupKeys(interest: string): string[] {
  const term = normaliseTerm(interest);
  const words = plain(term).split(' ').filter(Boolean);
  const tails = words.map((_, i) => words.slice(i).join(' '));
  const singles = [...words].reverse();
  const keys = [term, ...tails, ...singles].flatMap((key) => {
    const parts = key.split(' ');
    const last = parts[parts.length - 1] ?? '';
    const head = parts.slice(0, -1);
    return [key, ...singular(last).map((s) => [...head, s].join(' '))];
  });
  return [...new Set(keys.filter(Boolean))];
}

/** The category of one free-text interest; case- and whitespace-insensitive; `other` if unknown. */
export function interestCategory(interest: string): InterestCategory {
  for (const key of interestLookupKeys(interest)) {
    const category = INDEX.get(key);
    if (category) return category;
  }
  return 'other';
}

/** Distinct categories in display order. */
export function sortCategories(categories: Iterable<InterestCategory>): InterestCategory[] {
  const present = new Set(categories);
  return INTEREST_CATEGORIES.filter((category) => present.has(category));
}
