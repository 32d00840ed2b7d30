// Every text the CLI itself prints, in English and Swedish. Diagnostics come from the language
// package in the language its Locale service is set to.
import type { Lang } from '@vplan/language/i18n';
import type { UsageProblem } from './args.js';

type Text = { en: string; sv: string };

const usage: Record<UsageProblem, Text> = {
    'unknown-option': { en: 'unknown option', sv: 'okänd flagga' },
    'missing-value': { en: 'option needs a value', sv: 'flaggan behöver ett värde' },
    'bad-value': { en: 'invalid value', sv: 'ogiltigt värde' },
    'unexpected-value': { en: 'option takes no value', sv: 'flaggan tar inget värde' },
    'unknown-command': { en: 'unknown command', sv: 'okänt kommando' },
    'missing-input': { en: 'no input given', sv: 'ingen indata angiven' },
    'too-many-inputs': { en: 'too many inputs', sv: 'för många indata' },
    'conflicting-options': { en: 'options cannot be combined', sv: 'flaggorna går inte att kombinera' }
};

export function usageMessage(lang: Lang, problem: UsageProblem, detail: string, command?: string): string {
    const see = lang === 'sv' ? 'se' : 'see';
    return `${usage[problem][lang]}: ${detail} (${see} vplan ${command ? command + ' ' : ''}--help)`;
}

const texts = {
    errors: { en: (n: number) => plural(n, 'error', 'errors'), sv: (n: number) => `${n} fel` },
    warnings: { en: (n: number) => plural(n, 'warning', 'warnings'), sv: (n: number) => plural(n, 'varning', 'varningar') },
    infos: { en: (n: number) => plural(n, 'info', 'infos'), sv: (n: number) => plural(n, 'information', 'informationer') },
    hints: { en: (n: number) => plural(n, 'hint', 'hints'), sv: (n: number) => plural(n, 'tips', 'tips') },
    files: { en: (n: number) => plural(n, 'file', 'files'), sv: (n: number) => plural(n, 'fil', 'filer') }
};

function plural(n: number, one: string, many: string): string {
    return `${n} ${n === 1 ? one : many}`;
}

export function count(lang: Lang, what: keyof typeof texts, n: number): string {
    return texts[what][lang](n);
}

export const msg = {
    severity: {
        error: { en: 'error', sv: 'fel' },
        warning: { en: 'warning', sv: 'varning' },
        info: { en: 'info', sv: 'info' },
        hint: { en: 'hint', sv: 'tips' }
    },
    noProblems: {
        en: (files: number) => `No problems found in ${count('en', 'files', files)}.`,
        sv: (files: number) => `Inga problem hittades i ${count('sv', 'files', files)}.`
    },
    summary: {
        en: (parts: string, files: number) => `${parts} in ${count('en', 'files', files)}.`,
        sv: (parts: string, files: number) => `${parts} i ${count('sv', 'files', files)}.`
    },
    notShownQuiet: {
        en: (n: number) => `(${n} not shown: -q shows errors only)`,
        sv: (n: number) => `(${n} visas inte: -q visar bara fel)`
    },
    tooManyWarnings: {
        en: (n: number, max: number) => `${count('en', 'warnings', n)}, more than --max-warnings ${max} allows`,
        sv: (n: number, max: number) => `${count('sv', 'warnings', n)}, fler än --max-warnings ${max} tillåter`
    },
    cacheNotWritten: {
        en: (reason: string) => `the cache could not be written (${reason}); the next run checks every file`,
        sv: (reason: string) => `cachen kunde inte skrivas (${reason}); nästa körning kontrollerar alla filer`
    },
    fmtWouldChange: { en: 'would be reformatted', sv: 'skulle formateras om' },
    fmtWrote: { en: 'formatted', sv: 'formaterad' },
    fmtAllFormatted: {
        en: (n: number) => `All ${count('en', 'files', n)} are formatted.`,
        sv: (n: number) => `Alla ${count('sv', 'files', n)} är formaterade.`
    },
    fmtSomeChange: {
        en: (n: number) => `${count('en', 'files', n)} would be reformatted (run vplan fmt --write).`,
        sv: (n: number) => `${count('sv', 'files', n)} skulle formateras om (kör vplan fmt --write).`
    },
    fmtSyntaxErrors: {
        en: 'has syntax errors; not formatted (run vplan validate)',
        sv: 'har syntaxfel; formateras inte (kör vplan validate)'
    },
    fmtSingleFileOnly: {
        en: 'prints one file; give --check or --write for several',
        sv: 'skriver ut en fil; ange --check eller --write för flera'
    },
    renderOneFile: {
        en: 'render takes one plan file',
        sv: 'render tar en planfil'
    },
    noPlanInFile: {
        en: 'contains no plan to render',
        sv: 'innehåller ingen plan att visa'
    },
    binaryNeedsOutput: {
        en: (format: string) => `--format ${format} writes a file: give -o <file.${format}> or -o <folder>/`,
        sv: (format: string) => `--format ${format} skriver en fil: ange -o <fil.${format}> eller -o <mapp>/`
    },
    browserMissing: {
        en: (chosen?: string) => chosen
            ? `VPLAN_CHROMIUM=${chosen} is not an executable file: set it to Chromium, Chrome or Edge`
            : 'a PDF is printed by Chromium, Chrome or Edge and none was found: install one (Debian/Ubuntu: apt-get install chromium) or set VPLAN_CHROMIUM to its path',
        sv: (chosen?: string) => chosen
            ? `VPLAN_CHROMIUM=${chosen} är ingen körbar fil: ange Chromium, Chrome eller Edge`
            : 'en PDF skrivs ut av Chromium, Chrome eller Edge och ingen hittades: installera en (Debian/Ubuntu: apt-get install chromium) eller ange sökvägen i VPLAN_CHROMIUM'
    },
    wrote: { en: 'wrote', sv: 'skrev' },
    initExists: { en: 'already exists', sv: 'finns redan' },
    initNothingWritten: { en: 'nothing written: vplan init never replaces a file', sv: 'inget skrevs: vplan init ersätter aldrig en fil' },
    initNext: {
        en: (folder: string, plan: string) => `Next: open ${plan} in VS Code, or run vplan validate ${folder}`,
        sv: (folder: string, plan: string) => `Nästa steg: öppna ${plan} i VS Code, eller kör vplan validate ${folder}`
    },
    notBuilt: { en: 'this part of vplan is missing from the build', sv: 'den här delen av vplan saknas i bygget' }
};

/** Help texts: the command's synopsis, what it does, and its options. */
export const help: Record<'main' | 'validate' | 'render' | 'fmt' | 'status' | 'kolada' | 'outcomes' | 'init' | 'diff', Text> = {
    main: {
        en: `vplan — operational plans (verksamhetsplaner) as code

Usage: vplan <command> [options] <files|folders|globs…>

Commands:
  validate   check plans: syntax, references, thresholds, responsibilities
  render     render a plan to one self-contained HTML page (or Markdown, Word, PDF)
  diff       what changed between two plans (indicators, bands, goals, responsibles)
  fmt        format plans (print, --check or --write)
  status     count green, yellow and red indicators per plan, unit and goal
  kolada     fetch outcomes from Kolada (pull, --write), compare with it (check), cache KPI metadata (meta)
  outcomes   import outcomes from a spreadsheet (.xlsx, .csv)
  init       start a plan: the municipality file and a first plan in a folder

Options:
  -h, --help        show help (vplan <command> --help for a command)
  -v, --version     show the version
  --lang sv|en      language of messages (default: from LC_ALL, LC_MESSAGES, LANG)

Exit codes: 0 ok, 1 problems found, 2 bad usage or unreadable input.
Set VPLAN_DEBUG=1 to see the stack trace of an internal error.`,
        sv: `vplan — verksamhetsplaner som kod

Användning: vplan <kommando> [flaggor] <filer|mappar|mönster…>

Kommandon:
  validate   kontrollera planer: syntax, referenser, tröskelvärden, ansvar
  render     gör en fristående HTML-sida (eller Markdown, Word, PDF) av en plan
  diff       vad som ändrats mellan två planer (indikatorer, målnivåer, mål, ansvar)
  fmt        formatera planer (skriv ut, --check eller --write)
  status     räkna gröna, gula och röda indikatorer per plan, enhet och mål
  kolada     hämta utfall från Kolada (pull, --write), jämför med Kolada (check), spara KPI-beskrivningar (meta)
  outcomes   läs in utfall från ett kalkylark (.xlsx, .csv)
  init       börja en plan: kommunens gemensamma fil och en första plan i en mapp

Flaggor:
  -h, --help        visa hjälp (vplan <kommando> --help för ett kommando)
  -v, --version     visa versionen
  --lang sv|en      språk för meddelanden (standard: från LC_ALL, LC_MESSAGES, LANG)

Slutkoder: 0 ok, 1 problem hittades, 2 felaktig användning eller oläsbar indata.
Sätt VPLAN_DEBUG=1 för att se stackspåret vid ett internt fel.`
    },
    validate: {
        en: `Usage: vplan validate [options] <files|folders|globs…>

Checks the plans as one workspace, so references between files resolve (e.g. a plan that uses
the goals and roles of a shared municipality file). Folders are searched for .vplan files.

Options:
  -f, --format pretty|json|sarif|github|gitlab
                      output format (default: pretty); gitlab: a Code Quality report
  --max-warnings N    exit 1 when there are more than N warnings
  -q, --quiet         report errors only (warnings still count for --max-warnings)
  --no-fail           exit 0 even when problems are found (2 still means unreadable input)
  --cache             keep each file's findings in .vplancache; the next run re-checks only the
                      changed files and those that use or declare their names
  --cache-location P  the cache file (or folder for .vplancache); implies --cache
  -j, --jobs N        threads for a large run (also VPLAN_JOBS; default 1; 0: the cores, at
                      most 4); the findings are the same
  --color, --no-color force or turn off colour (also NO_COLOR, FORCE_COLOR)
  --as-of YYYY-MM-DD  judge activities' deadlines in follow-ups as of this date (default: today)
  --kolada-cache DIR  Kolada's KPI metadata cached by vplan kolada meta (also VPLAN_CACHE_DIR;
                      default: the user's cache folder); read only, never the network
  --lang sv|en        language of messages
  -h, --help          show this help

Exit codes: 0 no errors and warnings within --max-warnings; 1 errors, or too many warnings;
2 bad usage or an unreadable input (the readable files are still checked).`,
        sv: `Användning: vplan validate [flaggor] <filer|mappar|mönster…>

Kontrollerar planerna som en arbetsyta, så att referenser mellan filer löses (t.ex. en plan som
använder mål och roller från kommunens gemensamma fil). Mappar genomsöks efter .vplan-filer.

Flaggor:
  -f, --format pretty|json|sarif|github|gitlab
                      utdataformat (standard: pretty); gitlab: en Code Quality-rapport
  --max-warnings N    slutkod 1 när det finns fler än N varningar
  -q, --quiet         visa bara fel (varningar räknas ändå för --max-warnings)
  --no-fail           slutkod 0 även när problem hittas (2 betyder fortfarande oläsbar indata)
  --cache             spara varje fils resultat i .vplancache; nästa körning kontrollerar bara
                      ändrade filer och de som använder eller deklarerar deras namn
  --cache-location P  cachefilen (eller mappen för .vplancache); innebär --cache
  -j, --jobs N        trådar för en stor körning (även VPLAN_JOBS; standard 1; 0: kärnorna,
                      högst 4); resultatet blir detsamma
  --color, --no-color tvinga fram eller stäng av färg (även NO_COLOR, FORCE_COLOR)
  --as-of ÅÅÅÅ-MM-DD  bedöm aktiviteters sista datum i uppföljningar per detta datum (standard: i dag)
  --kolada-cache MAPP Koladas KPI-beskrivningar sparade av vplan kolada meta (även VPLAN_CACHE_DIR;
                      standard: användarens cachemapp); läses bara, aldrig nätverket
  --lang sv|en        språk för meddelanden
  -h, --help          visa den här hjälpen

Slutkoder: 0 inga fel och varningar inom --max-warnings; 1 fel eller för många varningar;
2 felaktig användning eller oläsbar indata (de läsbara filerna kontrolleras ändå).`
    },
    render: {
        en: `Usage: vplan render [options] <plan.vplan> [more files the plan refers to…]
       vplan render [options] <files|folders…> -o <folder>/

Renders the first file's plan to one self-contained HTML page (styles inline, no network), or to
Markdown. The other .vplan files in the plan's folder, and any further files and folders given,
are loaded so that references to them (a shared municipality file) resolve.

Options:
  -o, --output FILE   write to FILE (atomically); without it, to standard output
  -o, --output DIR/   render every plan among the inputs to DIR/<name>.html (each folder's
                      .vplan files are one workspace)
  --format FORMAT     html, md, docx (Word) or pdf (default: html, or the FILE's
                      extension: .md, .docx, .pdf); docx and pdf need -o
  --no-status         no status column in the Word document's indicator tables
  --period P          the follow-up report of period P (T1, helår …): deviations first,
                      in any --format (DIR/<name>-<period>.<format>)
  --deviations-only   the follow-up report's deviations only
  --as-of YYYY-MM-DD  judge deadlines as of this date (default: today)
  --lang sv|en        language of the report
  -h, --help          show this help

Exit codes: 0 rendered (a plan with errors is rendered too: run vplan validate for them);
1 the file holds no plan; 2 bad usage or unreadable input.`,
        sv: `Användning: vplan render [flaggor] <plan.vplan> [fler filer som planen refererar till…]
            vplan render [flaggor] <filer|mappar…> -o <mapp>/

Gör en fristående HTML-sida (stilar inbäddade, inget nätverk) eller Markdown av den första filens
plan. Övriga .vplan-filer i planens mapp, och fler filer och mappar som anges, läses in så att
referenser till dem (en gemensam kommunfil) löses.

Flaggor:
  -o, --output FIL    skriv till FIL (atomärt); utan flaggan till standard ut
  -o, --output MAPP/  gör en sida per plan bland indata, MAPP/<namn>.html (varje mapps
                      .vplan-filer är en arbetsyta)
  --format FORMAT     html, md, docx (Word) eller pdf (standard: html, eller FILs
                      filändelse: .md, .docx, .pdf); docx och pdf kräver -o
  --no-status         ingen statuskolumn i Word-dokumentets indikatortabeller
  --period P          uppföljningsrapporten för period P (T1, helår …): avvikelser först,
                      i varje --format (MAPP/<namn>-<period>.<format>)
  --deviations-only   bara uppföljningsrapportens avvikelser
  --as-of ÅÅÅÅ-MM-DD  bedöm sista datum per detta datum (standard: i dag)
  --lang sv|en        rapportens språk
  -h, --help          visa den här hjälpen

Slutkoder: 0 klar (en plan med fel visas också: kör vplan validate för felen);
1 filen innehåller ingen plan; 2 felaktig användning eller oläsbar indata.`
    },
    diff: {
        en: `Usage: vplan diff [options] <old.vplan> <new.vplan>

Lists what changed between two plans (last year's and this year's): indicators added, dropped or
renamed, bands changed, overarching goals and responsibles changed. Indicators are matched by id,
then by Kolada KPI, then by title. Each plan's folder is loaded so shared goals and roles resolve.

Options:
  --format text|md|json   output format (default: text)
  --lang sv|en            language of the report
  -h, --help              show this help

Exit codes: 0 no differences; 1 differences; 2 bad usage or unreadable input.`,
        sv: `Användning: vplan diff [flaggor] <gammal.vplan> <ny.vplan>

Listar vad som ändrats mellan två planer (fjolårets och årets): indikatorer som tillkommit, tagits
bort eller bytt namn, ändrade målnivåer, ändrade övergripande mål och ändrat ansvar. Indikatorerna
paras ihop på id, sedan Kolada-KPI, sedan titel. Varje plans mapp läses in så att gemensamma mål och
roller löses.

Flaggor:
  --format text|md|json   utdataformat (standard: text)
  --lang sv|en            rapportens språk
  -h, --help              visa den här hjälpen

Slutkoder: 0 inga skillnader; 1 skillnader; 2 felaktig användning eller oläsbar indata.`
    },
    fmt: {
        en: `Usage: vplan fmt [options] <files|folders…>

Formats plans. Without options, prints the formatted text of one file. Files with syntax errors
are never rewritten.

Options:
  --check       list the files that would change; exit 1 if any would
  --write       rewrite the files in place (atomically, keeping the file mode)
  --lang sv|en  language of messages
  -h, --help    show this help

Exit codes: 0 ok; 1 files would change (--check) or have syntax errors; 2 bad usage or unreadable input.`,
        sv: `Användning: vplan fmt [flaggor] <filer|mappar…>

Formaterar planer. Utan flaggor skrivs den formaterade texten av en fil ut. Filer med syntaxfel
skrivs aldrig om.

Flaggor:
  --check       lista filerna som skulle ändras; slutkod 1 om någon skulle det
  --write       skriv om filerna på plats (atomärt, filrättigheterna behålls)
  --lang sv|en  språk för meddelanden
  -h, --help    visa den här hjälpen

Slutkoder: 0 ok; 1 filer skulle ändras (--check) eller har syntaxfel; 2 felaktig användning eller oläsbar indata.`
    },
    status: {
        en: `Usage: vplan status [options] <files|folders…>

Counts the indicators per status — green, yellow, red, no data, pending, undefined (a value in a
gap or in two bands) — for each plan, each unit and each overarching goal.

Options:
  -f, --format table|json|csv   output format (default: table)
  --period P                    each plan as of follow-up period P (default with --as-of:
                                the latest period with a follow-up); json or table
  --as-of YYYY-MM-DD            judge deadlines as of this date (default: today)
  --lang sv|en                  language of labels
  -h, --help                    show this help

Exit codes: 0 ok (whatever the statuses); 2 bad usage or unreadable input.`,
        sv: `Användning: vplan status [flaggor] <filer|mappar…>

Räknar indikatorerna per status — grön, gul, röd, uppgift saknas, väntas, odefinierad (ett värde i
ett glapp eller i två intervall) — för varje plan, varje enhet och varje övergripande mål.

Flaggor:
  -f, --format table|json|csv   utdataformat (standard: table)
  --period P                    varje plan per uppföljningsperiod P (standard med --as-of:
                                den senaste perioden med en uppföljning); json eller tabell
  --as-of ÅÅÅÅ-MM-DD            bedöm sista datum per detta datum (standard: i dag)
  --lang sv|en                  språk för rubriker
  -h, --help                    visa den här hjälpen

Slutkoder: 0 ok (oavsett status); 2 felaktig användning eller oläsbar indata.`
    },
    init: {
        en: `Usage: vplan init [folder] [--lang sv|en] [--year YYYY]

Writes the municipality file (what every plan shares: organisation, goals, roles, sources) and a
first plan that refers to it into the folder (default: the current one), created if needed. The
same files as VS Code's "vplan: New Plan" command; they validate without errors. An existing file
is never replaced: if either file is already there, nothing is written.

Options:
  --lang sv|en   keywords and texts in Swedish (kommun.vplan, verksamhetsplan-YYYY.vplan) or
                 English (municipality.vplan, plan-YYYY.vplan); default: from LC_ALL, LC_MESSAGES, LANG
  --year YYYY    the plan's year (default: this year)
  -h, --help     show this help

Exit codes: 0 written; 1 a file already exists (nothing written); 2 bad usage.`,
        sv: `Användning: vplan init [mapp] [--lang sv|en] [--year ÅÅÅÅ]

Skriver kommunens gemensamma fil (det alla planer delar: organisation, mål, roller, källor) och en
första plan som hänvisar till den i mappen (standard: den aktuella), som skapas vid behov. Samma
filer som kommandot "vplan: Ny plan" i VS Code; de valideras utan fel. En befintlig fil ersätts
aldrig: finns någon av filerna redan skrivs ingenting.

Flaggor:
  --lang sv|en   nyckelord och texter på svenska (kommun.vplan, verksamhetsplan-ÅÅÅÅ.vplan) eller
                 engelska (municipality.vplan, plan-ÅÅÅÅ.vplan); standard: från LC_ALL, LC_MESSAGES, LANG
  --year ÅÅÅÅ    planens år (standard: i år)
  -h, --help     visa den här hjälpen

Slutkoder: 0 skrivet; 1 en fil finns redan (inget skrevs); 2 felaktig användning.`
    },
    kolada: {
        en: `Usage: vplan kolada pull [--write] [--year Y,…] [--api-url URL] <files|folders…>
       vplan kolada check [--year Y,…] [--api-url URL] <files|folders…>
       vplan kolada meta [--cache-dir DIR] [--api-url URL] <files|folders…>

For every indicator with a Kolada KPI id (källa kolada kpi "U23471"), in plans whose organisation
has a Kolada id (kolada 2417), fetches the totals for the plan's years — the years its outcomes
show, the plan year and the two before — from Kolada's open API (v3).

  pull     shows the outcomes to add or change as a diff; --write writes them into the plans
           (atomically, only the outcomes, every comment and the layout kept)
  check    lists the outcomes that differ from Kolada (for CI)
  meta     caches the KPIs' titles and descriptions (pull does too) for validate and the
           editor's hover, which never reach the network: an id Kolada does not know is an
           error, a title unlike Kolada's a hint

An outcome written "utfall 2025: 73 (2024)" is taken as the 2024 figure until Kolada has 2025's.
A value Kolada lacks is written as iu only where the plan has no outcome for that year.

Options:
  -w, --write        write the outcomes (pull)
  --year Y,…         these years instead of the plan's (e.g. --year 2024,2025)
  --api-url URL      another Kolada (a mirror, a test server); also VPLAN_KOLADA_URL
  --cache-dir DIR    where KPI metadata is cached (also VPLAN_CACHE_DIR; default: the user's
                     cache folder, e.g. ~/.cache/vplan)
  --lang sv|en       language of messages
  -h, --help         show this help

Exit codes: 0 done (or nothing differs); 1 outcomes would change (pull without --write, check),
or Kolada does not know a KPI id (meta);
2 bad usage, an unreadable plan, or Kolada unreachable (one line: the URL and the reason).
Källa: Kolada.`,
        sv: `Användning: vplan kolada pull [--write] [--year Å,…] [--api-url URL] <filer|mappar…>
            vplan kolada check [--year Å,…] [--api-url URL] <filer|mappar…>
            vplan kolada meta [--cache-dir MAPP] [--api-url URL] <filer|mappar…>

För varje indikator med KPI-id från Kolada (källa kolada kpi "U23471"), i planer vars
organisation har Kolada-id (kolada 2417), hämtas totalen för planens år — åren dess utfall visar,
planåret och de två åren före — från Koladas öppna API (v3).

  pull     visar utfallen att lägga till eller ändra som en diff; --write skriver in dem i planerna
           (atomärt, bara utfallen, alla kommentarer och all layout behålls)
  check    listar utfallen som skiljer sig från Kolada (för CI)
  meta     sparar KPI:ernas titlar och beskrivningar (det gör pull också) åt validate och
           editorns hover, som aldrig går ut på nätverket: ett id Kolada inte känner till är
           ett fel, en titel olik Koladas ett tips

Ett utfall skrivet "utfall 2025: 73 (2024)" räknas som 2024 års siffra tills Kolada har 2025 års.
Ett värde som Kolada saknar skrivs som iu bara där planen saknar utfall för året.

Flaggor:
  -w, --write        skriv in utfallen (pull)
  --year Å,…         dessa år i stället för planens (t.ex. --year 2024,2025)
  --api-url URL      ett annat Kolada (en spegel, en testserver); även VPLAN_KOLADA_URL
  --cache-dir MAPP   var KPI-beskrivningarna sparas (även VPLAN_CACHE_DIR; standard:
                     användarens cachemapp, t.ex. ~/.cache/vplan)
  --lang sv|en       språk för meddelanden
  -h, --help         visa den här hjälpen

Slutkoder: 0 klart (eller inget skiljer sig); 1 utfall skulle ändras (pull utan --write, check),
eller Kolada känner inte till ett KPI-id (meta);
2 felaktig användning, en oläsbar plan eller Kolada nås inte (en rad: adressen och orsaken).
Källa: Kolada.`
    },
    outcomes: {
        en: `Usage: vplan outcomes import [--sheet S] [--write] <file.xlsx|file.csv> <plan.vplan>

Reads a table of outcomes (from HR, the patient-safety report, the citizen survey) with a header
row naming the columns indicator (the indicator's id or its exact title), period (2025, 2025-T1,
2025-03) and value (a number with a decimal comma or point, or iu), in Swedish or English
(indikator, period/år, värde/utfall). Shows the outcomes to add or change as a diff, like
vplan kolada pull; --write writes them (atomically, only the outcomes, comments and layout kept).
A row that matches no indicator is reported with the nearest one; then nothing is written.
CSV may be separated by semicolons (as Swedish Excel saves it), commas or tabs.

Options:
  --sheet S          the sheet to read, by name or number (default: the first)
  -w, --write        write the outcomes
  --lang sv|en       language of messages
  -h, --help         show this help

Exit codes: 0 written (or nothing differs); 1 outcomes would change (without --write);
2 bad usage, an unreadable table or plan, or rows that match nothing (nothing written).`,
        sv: `Användning: vplan outcomes import [--sheet S] [--write] <fil.xlsx|fil.csv> <plan.vplan>

Läser en tabell med utfall (från HR, patientsäkerhetsberättelsen, medborgarundersökningen) med en
rubrikrad som namnger kolumnerna indikator (indikatorns id eller exakta titel), period (2025,
2025-T1, 2025-03) och värde (ett tal med decimalkomma eller -punkt, eller iu), på svenska eller
engelska (indicator, period/year, value/outcome). Visar utfallen att lägga till eller ändra som en
diff, som vplan kolada pull; --write skriver in dem (atomärt, bara utfallen, kommentarer och layout
behålls). En rad som inte matchar någon indikator visas med den närmaste; då skrivs inget.
CSV får vara avgränsad med semikolon (som svenska Excel sparar), komma eller tabb.

Flaggor:
  --sheet S          bladet att läsa, med namn eller nummer (standard: det första)
  -w, --write        skriv in utfallen
  --lang sv|en       språk för meddelanden
  -h, --help         visa den här hjälpen

Slutkoder: 0 inskrivet (eller inget skiljer sig); 1 utfall skulle ändras (utan --write);
2 felaktig användning, en oläsbar tabell eller plan, eller rader som inte matchar (inget skrivs).`
    }
};
