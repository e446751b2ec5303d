// Repeats the overhead benchmark (bench/overhead.js) in fresh browser contexts and prints, per run and
// as medians over the runs, the three ratios of issue 12 (each against ky measured in the same run).
//   node bench/overhead-repeat.js [--runs=3] [--rounds=7] [--cycles=10] [--per-block=20]
import { launchChromium } from './lib/browser.js';
import { median } from './lib/stats.js';
import { runOverhead } from './overhead.js';

const arg = (name, fallback) => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.slice(name.length + 3)) : fallback;
};
const runs = arg('runs', 3);
const options = { rounds: arg('rounds', 7), cycles: arg('cycles', 10), perBlock: arg('per-block', 20) };
const { browser } = await launchChromium();
const figures = [];
try {
  for (let i = 0; i < runs; i++) {
    const { rows, targets } = await runOverhead(browser, options);
    const row = (c, client) => rows.find((r) => r.case === c && r.client === client);
    const us = (c, client) => row(c, client).medianUs;
    const tm = (c) => row(c, 'fetchwise').trimmedMeanUs / row(c, 'ky').trimmedMeanUs;
    const figure = {
      get: targets.get.value,
      problem: targets.problem.value,
      revalidate: targets.revalidate.vsKyQuery,
      getUs: us('get', 'fetchwise'),
      kyGetUs: us('get', 'ky'),
      revalidateUs: us('revalidate', 'fetchwise'),
      kyRevalidateUs: us('revalidate', 'ky'),
      getTm: tm('get'),
      problemTm: tm('problem'),
      revalidateTm: tm('revalidate'),
    };
    figures.push(figure);
    console.log(
      `run ${i + 1}/${runs}: GET ${figure.get.toFixed(3)}× ky (${figure.getUs.toFixed(1)} vs ${figure.kyGetUs.toFixed(1)} µs)` +
        `  422 ${figure.problem.toFixed(3)}×  304 ${figure.revalidate.toFixed(3)}× (${figure.revalidateUs.toFixed(1)} vs ${figure.kyRevalidateUs.toFixed(1)} µs)` +
        `  | trimmed means: GET ${figure.getTm.toFixed(3)} 422 ${figure.problemTm.toFixed(3)} 304 ${figure.revalidateTm.toFixed(3)}`,
    );
  }
} finally {
  await browser.close();
}
const m = (key) => median(figures.map((f) => f[key]));
console.log(`median of ${runs}: GET ${m('get').toFixed(3)}×  422 ${m('problem').toFixed(3)}×  304 ${m('revalidate').toFixed(3)}×` +
  `  | trimmed means: GET ${m('getTm').toFixed(3)} 422 ${m('problemTm').toFixed(3)} 304 ${m('revalidateTm').toFixed(3)}`);
