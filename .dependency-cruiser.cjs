/**
 * The floors of the house (ARCHITECTURE.md). A module may import its own folder and the floors below its own; an
 * import that runs up a floor, or across to another folder of the ground floors, fails `npm run lint`, as does any
 * import circle. Unit tests (`*.test.ts`) are left out: they may reach the stand-ins under tests/.
 */
const FLOORS = [
  ['model', 'zod-config.ts'],
  ['pin', 'greenhouse'],
  ['storage'],
  ['sync'],
  ['messaging', 'resume', 'permissions'],
  ['background', 'overlay'],
];
const lib = (names) => `^lib/(${names.map((n) => n.replace('.', '\\.')).join('|')})(/|$)`;
const above = (index) => FLOORS.slice(index + 1).flat();

const forbidden = [
  {
    name: 'no-circular',
    comment: 'An import circle makes two modules one: split what they share into a lower floor.',
    severity: 'error',
    from: { path: '^(lib|components|entrypoints)/' },
    to: { circular: true },
  },
  {
    name: 'model-imports-nothing-of-ours',
    comment: 'lib/model is the ground floor: types and schemas that cross layers, and nothing else of ours.',
    severity: 'error',
    from: { path: lib(FLOORS[0]) },
    to: { path: '^(lib|components|entrypoints|tests)/', pathNot: lib(FLOORS[0]) },
  },
  {
    name: 'ground-floors-import-only-model',
    comment: 'lib/pin, lib/greenhouse and lib/storage import only lib/model and libraries.',
    severity: 'error',
    from: { path: '^lib/(pin|greenhouse|storage)/' },
    to: { path: '^(lib|components|entrypoints|tests)/', pathNot: ['^lib/model/', '^lib/$1/'] },
  },
  ...FLOORS.slice(0, -1).map((floor, index) => ({
    name: `no-import-up-from-${floor.join('-').replace('.ts', '')}`,
    comment: `${floor.join(', ')} may not import a higher floor (${above(index).join(', ')}, components, entrypoints).`,
    severity: 'error',
    from: { path: lib(floor) },
    to: { path: [lib(above(index)), '^components/', '^entrypoints/'] },
  })),
  {
    name: 'no-import-of-entrypoints',
    comment: 'Entry points are the top floor: nothing imports them.',
    severity: 'error',
    from: { path: '^(lib|components)/' },
    to: { path: '^entrypoints/' },
  },
  {
    name: 'product-code-does-not-import-tests',
    comment: 'The shipped code never reaches the stand-ins under tests/.',
    severity: 'error',
    from: { path: '^(lib|components|entrypoints)/', pathNot: '\\.test\\.tsx?$' },
    to: { path: '^tests/' },
  },
];

module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.test\\.tsx?$', '(^|/)\\.wxt/', '(^|/)\\.output/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
