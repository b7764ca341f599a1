import type { TravelMode } from '../../api/generated/graphql';
import { fill, h } from '../../dom';
import type { Lang } from '../../i18n/i18n';
import type { Choropleth } from '../choropleth';
import { classRanges, type Classes } from '../classes';
import { formatCount, formatNumber, formatTarget, unitLabel } from '../i18n/messages';
import type { PlannerMessages } from '../i18n/zh';
import { PLANNER_COLORS } from '../map/planner-layers';
import { GUIDANCE_SPEED } from '../settings';
import { keepingFocus } from './keep-focus';

/** Layers a person can switch on and off. */
export type ToggleableLayer = 'serviceAreas' | 'gaps';

/** What the legend shows. */
export interface LegendView {
  show: Record<ToggleableLayer, boolean>;
  /** Null before an analysis (or without planner rights): no service areas or gaps to show. */
  analysis: {
    minutes: number;
    mode: TravelMode;
    /** The walking speed coverage and gaps use; null for a mode with its own speed. */
    speedMetersPerMinute: number | null;
    gapClasses: Classes;
    serviceAreasShown: number;
    /** null while the areas are still being drawn. */
    serviceAreasTotal: number | null;
  } | null;
  choropleth: Choropleth | null;
}

function swatch(color: string, extra = ''): HTMLElement {
  return h('span', { class: `legend-swatch ${extra}`, 'aria-hidden': 'true', style: { background: color } });
}

function rangeLabel(from: number | null, to: number | null, format: (n: number) => string): string {
  if (from === null && to === null) return '';
  if (from === null) return `< ${format(to!)}`;
  if (to === null) return `≥ ${format(from)}`;
  return `${format(from)} – ${format(to)}`;
}

/** The map's key and its layer switches: every colour on the map is explained here in words. */
export class MapLegend {
  constructor(
    private readonly root: HTMLElement,
    private readonly toggle: (layer: ToggleableLayer, shown: boolean) => void,
  ) {}

  /** Draws the legend. */
  render(m: PlannerMessages, lang: Lang, view: LegendView): void {
    const { analysis, choropleth } = view;
    const check = (layer: ToggleableLayer, label: string, key: HTMLElement) =>
      h(
        'div',
        { class: 'check' },
        h('input', {
          type: 'checkbox',
          id: `layer-${layer}`,
          checked: view.show[layer],
          onchange: (event: Event) => this.toggle(layer, (event.target as HTMLInputElement).checked),
        }),
        h('label', { for: `layer-${layer}` }, key, label),
      );
    const gapKey = analysis
      ? h(
          'ul',
          { class: 'legend-classes' },
          classRanges(analysis.gapClasses).map((range) =>
            h(
              'li',
              {},
              swatch(range.color),
              rangeLabel(range.from, range.to, (n) => formatCount(n, lang)),
            ),
          ),
          h('li', {}, swatch('transparent', 'dashed'), m.legendNoNetwork),
        )
      : null;
    const choroplethKey = choropleth
      ? h(
          'div',
          { class: 'legend-choropleth' },
          h('p', { class: 'legend-title' }, lang === 'en' ? choropleth.nameEn : choropleth.name),
          h(
            'ul',
            { class: 'legend-classes' },
            classRanges(choropleth.classes).map((range) => {
              const unit = unitLabel(choropleth.unit, m);
              const values = new Set(
                choropleth.withValue
                  .map((row) => row.value!)
                  .filter(
                    (value) =>
                      (range.from === null || value >= range.from) && (range.to === null || value < range.to),
                  ),
              );
              // A class that holds one value (few districts have data) is labelled with that value.
              const label =
                values.size === 1
                  ? `${formatNumber([...values][0], lang)} ${unit}`
                  : rangeLabel(range.from, range.to, (n) => `${formatNumber(n, lang)} ${unit}`);
              return h('li', {}, swatch(range.color), label);
            }),
            h('li', {}, swatch(PLANNER_COLORS.noData), m.noData),
          ),
          h('p', { class: 'muted' }, m.targetLine(formatTarget(choropleth, m, lang))),
        )
      : null;
    const open = this.root.querySelector('details')?.open ?? true;
    keepingFocus(this.root, () =>
      fill(
        this.root,
        h(
          'details',
          { open },
          h('summary', {}, h('h2', { class: 'legend-heading' }, m.layersHeading)),
          analysis
            ? [
                check(
                  'gaps',
                  m.layerGaps,
                  swatch(analysis.gapClasses.colors.at(-1) ?? PLANNER_COLORS.noData),
                ),
                h('p', { class: 'legend-title' }, m.legendGaps),
                gapKey,
                check(
                  'serviceAreas',
                  m.layerCoverage(analysis.minutes, analysis.mode),
                  swatch(PLANNER_COLORS.serviceArea, 'translucent'),
                ),
                // Areas are drawn at each mode's usual speed: only a walking speed of the planner's own differs.
                analysis.speedMetersPerMinute !== null && analysis.speedMetersPerMinute !== GUIDANCE_SPEED
                  ? h(
                      'p',
                      { class: 'muted', id: 'service-area-speed-note' },
                      m.serviceAreaSpeedNote(analysis.speedMetersPerMinute),
                    )
                  : null,
                analysis.serviceAreasTotal === null
                  ? h(
                      'p',
                      { class: 'muted', id: 'service-areas-drawing', role: 'status' },
                      m.serviceAreasDrawing,
                    )
                  : analysis.serviceAreasShown < analysis.serviceAreasTotal
                    ? h(
                        'p',
                        { class: 'muted' },
                        m.serviceAreasTruncated(analysis.serviceAreasShown, analysis.serviceAreasTotal),
                      )
                    : null,
              ]
            : null,
          choroplethKey,
          h(
            'p',
            { class: 'legend-line' },
            swatch(PLANNER_COLORS.selectedDistrict, 'line'),
            m.legendSelectedDistrict,
          ),
        ),
      ),
    );
  }
}
