/**
 * The static page the shell shows instead of the app when it cannot start safely (invalid policy,
 * a store it cannot open): what is wrong, in Dutch, and who can fix it. No script, no IPC.
 */
export interface StartupProblemPage {
  title: string;
  intro: string;
  /** The file concerned, shown in full so IT can find it. */
  file?: string;
  problems: string[];
  advice: string;
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

export function renderStartupProblemPage(page: StartupProblemPage): string {
  const items = page.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('\n        ');
  return `<!doctype html>
<html lang="nl-BE">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'" />
    <title>${escapeHtml(page.title)}</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; margin: 3rem auto; max-width: 46rem; padding: 0 1.5rem; color: #1a1a1a; }
      h1 { font-size: 1.5rem; color: #8a1c1c; }
      code { background: #f2f2f2; padding: 0.1rem 0.3rem; word-break: break-all; }
      li { margin: 0.4rem 0; }
      .advice { border-left: 4px solid #8a1c1c; padding-left: 1rem; }
    </style>
  </head>
  <body>
    <main>
      <h1>${escapeHtml(page.title)}</h1>
      <p>${escapeHtml(page.intro)}</p>
      ${page.file ? `<p>Bestand: <code>${escapeHtml(page.file)}</code></p>` : ''}
      <ul>
        ${items}
      </ul>
      <p class="advice">${escapeHtml(page.advice)}</p>
    </main>
  </body>
</html>
`;
}

export function policyProblemPage(file: string, problems: string[]): StartupProblemPage {
  return {
    title: 'Lerarenkaart Balie kan niet starten: de beheersinstellingen zijn ongeldig',
    intro:
      'De instellingen die de IT-dienst voor deze computer heeft vastgelegd, bevatten fouten. Er is niets gewijzigd aan de gegevens van het afhaalpunt.',
    file,
    problems,
    advice:
      'Neem contact op met uw IT-dienst. Na het verbeteren van het bestand start u Lerarenkaart Balie opnieuw. Zie docs/admin.md voor alle sleutels.',
  };
}
