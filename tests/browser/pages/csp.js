// The CSP test page's own script (a host page's code, external as its CSP requires): sets the
// editor's text through the element's API once it is ready.
const ed = document.getElementById('editor');
ed.ready.then(() => { ed.text = 'NAIROBI, 4 May 2022 (AFP) - Kenya\'s president visited Mombasa on Monday.'; });
