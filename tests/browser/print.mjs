// Print sheets and print styles in a real browser (Debian's Chromium, driven
// by playwright-core).
//
//   node tests/browser/print.mjs [PLEDGEBOARD_BINARY] [SCREENSHOT_DIR]
//
// Writes a site of one locality with ten commitments, each with a fairly long
// latest note in English, French and Arabic, into a temporary folder, builds
// it with the binary (default target/release/pledgeboard), and prints the
// locality's sheet in each language to PDF (A4): it fails when a sheet takes
// more than two pages. The sheet is also checked as a page (axe-core, WCAG 2.1
// A and AA), and every page's print style in the dark colour scheme too: black
// text on white, the skip link, menu, language switcher and footer links
// hidden; on a phone's screen the sheet does not spill sideways. The French and Arabic PDFs are saved, and turned into PNG images
// with pdftoppm when it is installed. Exits with 1 and lists every failure.

import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const binary = resolve(process.argv[2] || 'target/release/pledgeboard');
const shots = resolve(process.argv[3] || 'target/browser/screenshots');
mkdirSync(shots, { recursive: true });

// Ten commitments: [id, due, status, progress, title (en, fr, ar), latest note (en, fr, ar)].
const TEN = [
  ['joint-night-patrols', '2018-01-31', 'in-progress', 70,
    ['Joint night patrols by police and the local vigilante group', 'Patrouilles de nuit conjointes de la police et du groupe d\'autodéfense', 'دوريات ليلية مشتركة بين الشرطة ومجموعة الدفاع الذاتي'],
    ['Patrols now run three nights a week in the market and bus station areas; residents report fewer thefts, but the vigilante group asks for radios and the police for fuel money before a fourth night is added.',
      'Les patrouilles ont lieu trois nuits par semaine autour du marché et de la gare routière ; les habitants signalent moins de vols, mais le groupe d\'autodéfense demande des radios et la police des fonds pour le carburant avant d\'ajouter une quatrième nuit.',
      'تجري الدوريات الآن ثلاث ليالٍ في الأسبوع حول السوق ومحطة الحافلات؛ ويفيد السكان بانخفاض السرقات، لكن مجموعة الدفاع الذاتي تطلب أجهزة لاسلكي وتطلب الشرطة أموالاً للوقود قبل إضافة ليلة رابعة.']],
  ['market-street-lighting', '2019-06-30', 'stalled', 40,
    ['Street lights along the market road', 'Éclairage public le long de la route du marché', 'إنارة طريق السوق'],
    ['Twelve of the thirty promised lamps were installed before the rainy season; no new lamp since then, and the council says the remaining funds were moved to flood repairs. The dialogue asked for a written timetable at the next review.',
      'Douze des trente lampadaires promis ont été posés avant la saison des pluies ; aucun depuis, et la mairie indique que le reste des fonds a servi aux réparations après les inondations. Le dialogue a demandé un calendrier écrit pour le prochain examen.',
      'رُكّب اثنا عشر مصباحاً من أصل ثلاثين قبل موسم الأمطار، ولم يُركَّب أي مصباح جديد منذ ذلك الحين، وتقول البلدية إن الأموال المتبقية حُوّلت لإصلاح أضرار الفيضانات. وطلب الحوار جدولاً زمنياً مكتوباً في المراجعة القادمة.']],
  ['police-station-rehabilitation', '2020-12-31', 'completed', 100,
    ['Rehabilitate the police station', 'Réhabiliter le commissariat', 'إعادة تأهيل مركز الشرطة'],
    ['Works finished in November: a new roof, a separate room to receive women and children, and a public notice board. The station reopened at a ceremony attended by the members of the dialogue and the neighbourhood chiefs.',
      'Les travaux se sont achevés en novembre : une nouvelle toiture, une salle séparée pour recevoir les femmes et les enfants, et un tableau d\'affichage public. Le commissariat a rouvert lors d\'une cérémonie en présence des membres du dialogue et des chefs de quartier.',
      'انتهت الأشغال في نوفمبر: سقف جديد، وغرفة منفصلة لاستقبال النساء والأطفال، ولوحة إعلانات عامة. وأُعيد افتتاح المركز في حفل حضره أعضاء الحوار ورؤساء الأحياء.']],
  ['theft-reporting-hotline', '2025-03-31', 'in-progress', 50,
    ['A free phone line to report thefts', 'Une ligne téléphonique gratuite pour signaler les vols', 'خط هاتفي مجاني للإبلاغ عن السرقات'],
    ['Calls are answered from seven in the morning until midnight; a second operator is being trained so that the line can stay open all night. The number is painted on the walls of the market and announced on the community radio every week.',
      'Les appels sont pris de sept heures du matin à minuit ; un second opérateur est en formation pour que la ligne reste ouverte toute la nuit. Le numéro est peint sur les murs du marché et annoncé chaque semaine à la radio communautaire.',
      'يُرَدّ على المكالمات من السابعة صباحاً حتى منتصف الليل، ويجري تدريب موظف ثانٍ كي يبقى الخط مفتوحاً طوال الليل. والرقم مرسوم على جدران السوق ويُعلَن عنه كل أسبوع في الإذاعة المجتمعية.']],
  ['vigilante-code-of-conduct', '2017-12-31', 'completed', 100,
    ['A written code of conduct for the vigilante group', 'Un code de conduite écrit pour le groupe d\'autodéfense', 'مدونة سلوك مكتوبة لمجموعة الدفاع الذاتي'],
    ['The code was adopted at a public meeting and posted at the town hall: no detention of suspects, hand them to the police within the hour, no fines. Two members who broke it were excluded, and the group now trains new members on it.',
      'Le code a été adopté en réunion publique et affiché à la mairie : aucune détention de suspects, remise à la police dans l\'heure, aucune amende. Deux membres qui l\'ont enfreint ont été exclus, et le groupe y forme désormais ses nouveaux membres.',
      'اعتُمدت المدونة في اجتماع عام وعُلّقت في مقر البلدية: لا احتجاز للمشتبه بهم، وتسليمهم إلى الشرطة خلال ساعة، ولا غرامات. وفُصل عضوان خالفاها، وتدرّب المجموعة أعضاءها الجدد عليها الآن.']],
  ['youth-football-tournament', '2019-12-31', 'not-completed', 30,
    ['A yearly football tournament with police and young people', 'Un tournoi de football annuel entre policiers et jeunes', 'دوري سنوي لكرة القدم بين الشرطة والشباب'],
    ['The tournament did not take place: the pitch was taken for a building project and no other ground was found in time. The youth association proposes a smaller tournament at the school grounds during the holidays instead.',
      'Le tournoi n\'a pas eu lieu : le terrain a été pris pour un chantier et aucun autre n\'a été trouvé à temps. L\'association des jeunes propose à la place un tournoi plus petit sur le terrain de l\'école pendant les vacances.',
      'لم يُنظَّم الدوري: خُصّص الملعب لمشروع بناء ولم يوجد ملعب بديل في الوقت المناسب. وتقترح جمعية الشباب بدلاً من ذلك دورياً أصغر في ملعب المدرسة خلال العطلة.']],
  ['women-help-desk', '2024-12-31', 'in-progress', 60,
    ['A help desk for women at the police station', 'Un guichet d\'accueil pour les femmes au commissariat', 'مكتب لمساعدة النساء في مركز الشرطة'],
    ['The desk opens every weekday with a trained female officer; forty-two complaints were received in the first six months, most about domestic violence. A social worker now comes twice a week, and the dialogue asks for a private waiting room.',
      'Le guichet ouvre chaque jour de semaine avec une policière formée ; quarante-deux plaintes ont été reçues les six premiers mois, surtout pour violences conjugales. Une assistante sociale vient désormais deux fois par semaine, et le dialogue demande une salle d\'attente à l\'abri des regards.',
      'يفتح المكتب كل أيام الأسبوع بحضور شرطية مدرَّبة، وتلقّى اثنتين وأربعين شكوى في الأشهر الستة الأولى، معظمها عن العنف المنزلي. وتحضر أخصائية اجتماعية الآن مرتين في الأسبوع، ويطلب الحوار قاعة انتظار خاصة.']],
  ['school-route-escorts', '2023-09-30', 'in-progress', 45,
    ['Escorts on the road to the secondary school', 'Accompagnement sur la route du collège', 'مرافقة التلاميذ على طريق المدرسة الإعدادية'],
    ['Parents and two officers walk with the pupils on school mornings along the unlit stretch by the river; the afternoon escort stopped when one officer was transferred, and the school asks the commander to name a replacement.',
      'Des parents et deux policiers accompagnent les élèves les matins d\'école le long du tronçon non éclairé près de la rivière ; l\'accompagnement de l\'après-midi s\'est arrêté avec la mutation d\'un policier, et l\'école demande au commandant de nommer un remplaçant.',
      'يرافق أولياء الأمور وشرطيان التلاميذ صباح أيام الدراسة على الجزء غير المضاء قرب النهر؛ وتوقفت مرافقة ما بعد الظهر بعد نقل أحد الشرطيين، وتطلب المدرسة من القائد تعيين بديل عنه.']],
  ['land-dispute-mediation', '2022-06-30', 'suspended', 20,
    ['Mediation of the land disputes between farmers and herders', 'Médiation des conflits fonciers entre agriculteurs et éleveurs', 'الوساطة في نزاعات الأراضي بين المزارعين والرعاة'],
    ['Mediation sessions were suspended after the chief mediator fell ill; seven cases are waiting, two of them urgent before the planting season. The prefecture has been asked to appoint an interim mediator from the neighbouring commune.',
      'Les séances de médiation sont suspendues depuis que le médiateur principal est tombé malade ; sept dossiers attendent, dont deux urgents avant les semis. La préfecture a été priée de nommer un médiateur intérimaire de la commune voisine.',
      'عُلّقت جلسات الوساطة بعد مرض الوسيط الرئيسي؛ وتنتظر سبع قضايا، منها اثنتان عاجلتان قبل موسم الزراعة. وطُلب من المحافظة تعيين وسيط مؤقت من البلدية المجاورة.']],
  ['detainee-visits-schedule', '2021-03-31', 'withdrawn', null,
    ['A public schedule of visits to detainees', 'Un calendrier public des visites aux détenus', 'جدول علني لزيارات المحتجزين'],
    ['The commitment was withdrawn when the holding cells were moved to the provincial station; families are told to ask there. The dialogue will raise visits with the provincial commander at its next session.',
      'L\'engagement a été retiré quand les cellules de garde à vue ont été transférées au commissariat provincial ; les familles sont invitées à s\'y adresser. Le dialogue abordera les visites avec le commandant provincial à sa prochaine séance.',
      'سُحب الالتزام عندما نُقلت زنازين الاحتجاز إلى مركز شرطة المحافظة، ويُطلب من العائلات السؤال هناك. وسيطرح الحوار مسألة الزيارات مع قائد المحافظة في جلسته القادمة.']],
];

const q = (s) => JSON.stringify(s);

/** The site: site.yaml, one locality, ten commitments in three languages. */
function writeSite(dir) {
  const file = (rel, text) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  file('site.yaml', `title: { en: Dialogue commitments, fr: Engagements du dialogue, ar: التزامات الحوار }
base_url: https://tracker.example.org/
default_language: en
languages:
  - { code: en, name: English }
  - { code: fr, name: Français }
  - { code: ar, name: العربية }
as_of: 2024-06-30
`);
  file('localities/saaba/_index.md', '---\nname: { en: Saaba, fr: Saaba, ar: سابا }\ncountry: BF\nnext_review: 2024-09-15\n---\nA town near Ouagadougou.\n');
  for (const [id, due, status, progress, title, note] of TEN) {
    const p = progress === null ? '' : `, progress: ${progress}`;
    file(`localities/saaba/${id}.md`, `---
title: ${q(title[0])}
pledged_by: [police, community]
agreed: 2017-05-20
due: ${due}
updates:
  - { date: 2017-09-01, status: in-progress, progress: 10, note: Work started. }
  - { date: 2024-05-02, status: ${status}${p}, assessed_by: joint, note: ${q(note[0])} }
---
`);
    ['fr', 'ar'].forEach((lang, i) => file(`localities/saaba/${id}.${lang}.md`, `---
title: ${q(title[i + 1])}
updates:
  - { date: 2017-09-01, note: ${q(i ? 'بدأ العمل.' : 'Les travaux ont commencé.')} }
  - { date: 2024-05-02, note: ${q(note[i + 1])} }
---
`));
  }
}

/** The number of pages of a PDF Chromium wrote (its page objects). */
function pdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;
}

const AXE = readFileSync(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const work = mkdtempSync(join(tmpdir(), 'pledgeboard-print-'));
const site = join(work, 'site');
const out = join(work, 'public');
writeSite(site);
execFileSync(binary, ['build', site, '--output', out], { stdio: ['ignore', 'ignore', 'inherit'] });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const failures = [];
const report = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  for (const lang of ['en', 'fr', 'ar']) {
    const file = join(out, lang, 'localities/saaba/print/index.html');
    if (!existsSync(file)) {
      failures.push(`${lang} sheet: the build wrote no ${file}`);
      continue;
    }
    await page.goto(pathToFileURL(file).href);
    const items = await page.locator('.items > li').count();
    if (items !== 10) failures.push(`${lang} sheet: ${items} commitments listed, expected 10`);
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdfPages(pdf);
    report.push(`${lang} ${pages} page(s)`);
    if (pages < 1 || pages > 2) failures.push(`${lang} sheet: ${pages} A4 pages, expected at most 2`);
    if (lang !== 'en') {
      const saved = join(shots, `${lang}-print-sheet.pdf`);
      writeFileSync(saved, pdf);
      try {
        execFileSync('pdftoppm', ['-r', '70', '-png', saved, join(shots, `${lang}-print-sheet`)]);
      } catch {
        // pdftoppm (poppler-utils) is optional: the PDF stays for looking at.
      }
    }
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.length} element(s), first ${v.nodes[0].target.join(' ')}`);
    }, AXE_TAGS);
    for (const v of violations) failures.push(`${lang} sheet: axe: ${v}`);
  }
  await context.close();

  // On a phone's screen, the sheet does not spill sideways (its long web
  // address wraps).
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const small = await phone.newPage();
  for (const lang of ['en', 'fr', 'ar']) {
    const file = join(out, lang, 'localities/saaba/print/index.html');
    if (!existsSync(file)) continue;
    await small.goto(pathToFileURL(file).href);
    const [scroll, inner] = await small.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    if (scroll > inner) failures.push(`${lang} sheet on a phone: ${scroll} pixels wide in a ${inner}-pixel screen`);
  }
  await phone.close();

  // Print styles, with the reader's browser in the dark scheme: black on
  // white, no skip link, menu, switcher or footer links; the sheet alone.
  const dark = await browser.newContext({ colorScheme: 'dark' });
  const p = await dark.newPage();
  for (const rel of ['ar/localities/saaba/index.html', 'fr/localities/saaba/joint-night-patrols/index.html', 'ar/localities/saaba/print/index.html']) {
    if (!existsSync(join(out, rel))) continue;
    await p.goto(pathToFileURL(join(out, rel)).href);
    await p.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const seen = await p.evaluate(() => {
      const shown = (sel) => [...document.querySelectorAll(sel)].filter((e) => e.checkVisibility()).length;
      const style = getComputedStyle(document.body);
      return {
        color: style.color,
        background: style.backgroundColor,
        hidden: ['.skip', 'nav.main', '.langs', 'footer.site nav'].filter((s) => shown(s) > 0),
        header: shown('header.site'),
        cardsWhole: [...document.querySelectorAll('.card, .items > li')].every((c) => getComputedStyle(c).breakInside === 'avoid'),
      };
    });
    if (seen.color !== 'rgb(0, 0, 0)') failures.push(`${rel} in print: text is ${seen.color}, expected black`);
    if (!['rgb(255, 255, 255)', 'rgba(0, 0, 0, 0)'].includes(seen.background)) failures.push(`${rel} in print: background is ${seen.background}, expected white`);
    if (seen.hidden.length) failures.push(`${rel} in print: ${seen.hidden.join(', ')} printed`);
    if (rel.includes('/print/') && seen.header) failures.push(`${rel} in print: the site's header is printed on the sheet`);
    if (!seen.cardsWhole) failures.push(`${rel} in print: a card or item may break across pages`);
    await p.emulateMedia({ media: 'screen', colorScheme: 'dark' });
  }
  await dark.close();
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`Print check failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`Print sheets of ten commitments in A4 (Chromium): ${report.join(', ')}; axe-core found no violation; print styles black on white without menus in the dark scheme. PDFs (and PNGs with pdftoppm) in ${shots}`);
