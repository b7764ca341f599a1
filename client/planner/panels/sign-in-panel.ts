import { fill, h } from '../../dom';
import { formatDateTime, type Lang } from '../../i18n/i18n';
import type { TokenInfo } from '../auth';
import type { PlannerMessages } from '../i18n/zh';

/** What the sign-in panel asks the page to do. */
export interface SignInActions {
  signIn(token: string): void;
  signOut(): void;
}

/** Who is signed in, and what the last attempt said. */
export interface SignInState {
  info: TokenInfo | null;
  /** A problem to show (malformed, refused or powerless token). */
  message: string | null;
  /** Minutes of the current analysis, for the list of what signing in unlocks. */
  minutes: number;
}

/** The role of a token in words. */
export function roleLabel(info: TokenInfo, m: PlannerMessages): string {
  if (info.kind === 'API_KEY') return m.apiKeyRole;
  return info.role ? (m.roleNames[info.role] ?? info.role) : m.unknownRole;
}

/** Paste a token, see the role it carries, sign out; without one, what signing in unlocks. */
export class SignInPanel {
  constructor(
    private readonly root: HTMLElement,
    private readonly actions: SignInActions,
  ) {}

  /** Draws the panel for a sign-in state. */
  render(m: PlannerMessages, lang: Lang, state: SignInState): void {
    const heading = h('h2', { id: 'sign-in-heading' }, m.signInHeading);
    const message = state.message ? h('p', { class: 'alert', role: 'alert' }, state.message) : null;
    if (state.info) {
      const { info } = state;
      const expires = info.expiresAt
        ? ` · ${m.expires(formatDateTime(info.expiresAt.toISOString(), lang))}`
        : '';
      fill(
        this.root,
        heading,
        message,
        h(
          'p',
          { class: 'signed-in', id: 'signed-in', 'data-role': info.role ?? info.kind },
          `${m.signedInAs(roleLabel(info, m), info.subject)}${expires}`,
        ),
        h('button', { type: 'button', id: 'sign-out', onclick: () => this.actions.signOut() }, m.signOut),
      );
      return;
    }
    const input = h('input', {
      id: 'token-input',
      type: 'password',
      autocomplete: 'off',
      spellcheck: 'false',
      required: true,
      'aria-describedby': 'token-hint',
    });
    const form = h(
      'form',
      {
        class: 'sign-in-form',
        onsubmit: (event: Event) => {
          event.preventDefault();
          this.actions.signIn(input.value);
        },
      },
      h('label', { for: 'token-input', class: 'field-label' }, m.tokenLabel),
      h(
        'div',
        { class: 'search-row' },
        input,
        h('button', { type: 'submit', class: 'primary', id: 'sign-in-submit' }, m.signIn),
      ),
      h('p', { class: 'hint', id: 'token-hint' }, m.tokenHint),
    );
    fill(
      this.root,
      heading,
      message,
      form,
      h('p', { class: 'public-note' }, m.publicExplanation),
      h('p', { class: 'muted' }, m.unlocksHeading),
      h(
        'ul',
        { class: 'unlocks' },
        m.unlocks(state.minutes).map((text) => h('li', {}, text)),
      ),
    );
  }
}
