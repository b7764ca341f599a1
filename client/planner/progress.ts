import { fill, h } from '../dom';
import type { PlannerMessages } from './i18n/zh';

/** The requests of one analysis, in the order the progress line names them. */
export const STEPS = ['scorecard', 'coverage', 'gaps', 'serviceAreas', 'need'] as const;
export type Step = (typeof STEPS)[number];

/** How far an analysis has come: which requests are out and which have answered. */
export class ProgressLine {
  private steps = new Map<Step, boolean>();
  private startedAt = 0;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private m!: PlannerMessages;

  constructor(private readonly root: HTMLElement) {}

  /** Starts showing a spinner, the time taken and each step until it is done. */
  start(steps: readonly Step[], m: PlannerMessages): void {
    this.m = m;
    this.steps = new Map(steps.map((step) => [step, false]));
    this.startedAt = performance.now();
    clearInterval(this.ticker);
    this.ticker = setInterval(() => this.draw(), 1000);
    this.root.dataset.state = 'running';
    this.draw();
  }

  /** Marks one request as answered. */
  done(step: Step): void {
    if (!this.steps.has(step)) return;
    this.steps.set(step, true);
    this.draw();
  }

  /** Ends the run: done, or failed with a message. */
  finish(failure: string | null, m: PlannerMessages): void {
    clearInterval(this.ticker);
    this.m = m;
    this.root.dataset.state = failure === null ? 'ready' : 'error';
    fill(this.root, failure === null ? m.ready : m.failed(failure));
    this.root.classList.toggle('alert', failure !== null);
  }

  private draw() {
    const seconds = Math.floor((performance.now() - this.startedAt) / 1000);
    this.root.classList.remove('alert');
    fill(
      this.root,
      h('span', { class: 'spinner', 'aria-hidden': 'true' }),
      h('span', { 'aria-hidden': 'true' }, this.m.running(seconds)),
      ' ',
      [...this.steps].map(([step, done], i) => [
        i ? ' · ' : '',
        h(
          'span',
          { 'data-step': step, 'data-done': String(done) },
          `${this.m.progressSteps[step]} ${done ? '✓' : '…'}`,
        ),
      ]),
    );
  }
}
