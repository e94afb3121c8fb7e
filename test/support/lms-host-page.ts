/**
 * The LMS side of a launch, as a browser page: scorm-again's `Scorm12API` on `window.API`,
 * committing to the test server, and the SCO either in an iframe (like Moodle's "current
 * window" display) or in a popup window opened from this page (Moodle's "new window").
 * Every LMS* call the SCO makes is logged in `window.__lms.calls`, with its result and
 * error code, so tests can check what the SCO asked, not only what was stored.
 */

export type LaunchDisplay = 'iframe' | 'popup';
/** Which scorm-again API the page holds: `Scorm12API` as `window.API`, or `Scorm2004API` as `window.API_1484_11`. */
export type LmsStandard = 'scorm12' | 'scorm2004';

export interface HostPageConfig {
  launchId: number;
  display: LaunchDisplay;
  /** Flattened CMI values loaded before the SCO starts (`cmi.core.entry`, `cmi.suspend_data`...). */
  cmi: Record<string, string>;
  /** Path of the SCO's launch page under the server, e.g. `/sco/index.html`. */
  scoUrl: string;
  /** Default scorm12. */
  standard?: LmsStandard;
}

/** Title of the iframe holding the SCO: tests find the frame by it. */
export const SCO_FRAME_TITLE = 'Module de formation';
/** Name of the host page's button that opens the SCO in a popup. */
export const OPEN_POPUP_LABEL = 'Ouvrir le module dans une nouvelle fenêtre';

export function renderHostPage(config: HostPageConfig): string {
  // `<` escaped so no value can close the script element early.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  const v2004 = config.standard === 'scorm2004';
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>LMS de test</title>
<style>
  html, body { margin: 0; height: 100%; }
  iframe { display: block; border: 0; width: 100%; height: 100vh; }
</style>
<script src="/lms/${v2004 ? 'scorm2004' : 'scorm12'}.js"></script>
<script id="launch-config" type="application/json">${json}</script>
<script>
(function () {
  var config = JSON.parse(document.getElementById('launch-config').textContent);
  var api = new ${v2004 ? 'Scorm2004API' : 'Scorm12API'}({
    lmsCommitUrl: '/lms/commit/' + config.launchId,
    autocommit: false,
    dataCommitFormat: 'flattened',
    terminateCommitParam: 'terminate',
    // As Moodle's default "mastery score overrides status": at LMSFinish, with a mastery
    // score from the manifest and a raw score, the LMS sets passed/failed itself.
    mastery_override: true,
    logLevel: 5
  });
  if (Object.keys(config.cmi).length > 0) api.loadFromFlattenedJSON(config.cmi, '');
  var calls = [];
  var names = ${v2004 ? "['Initialize', 'GetValue', 'SetValue', 'Commit', 'Terminate']" : "['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish']"};
  names.forEach(function (name) {
    var original = api[name];
    api[name] = function () {
      var args = Array.prototype.slice.call(arguments);
      var result = original.apply(api, args);
      var error = api.${v2004 ? 'GetLastError' : 'LMSGetLastError'}();
      calls.push({ fn: name, args: args.map(function (a) { return a === undefined ? null : a; }), argTypes: args.map(function (a) { return typeof a; }), result: result, error: String(error) });
      return result;
    };
  });
  window.${v2004 ? 'API_1484_11' : 'API'} = api;
  window.__lms = { config: config, calls: calls, api: api };
})();
</script>
</head>
<body>
${
  config.display === 'iframe'
    ? `<iframe title="${SCO_FRAME_TITLE}" src="${config.scoUrl}"></iframe>`
    : `<main><h1>LMS de test</h1><button type="button" onclick="window.open('${config.scoUrl}', 'sco', 'width=1024,height=768')">${OPEN_POPUP_LABEL}</button></main>`
}
</body>
</html>
`;
}
