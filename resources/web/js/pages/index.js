// pages/index.js: every page of the mobile web, one import per line.
// Each page module registers its routes with core/router.js when imported.
import './sign-in.js';
import './todo.js';
import './done.js';
import './application.js';
import './publicity.js';
import './publicity-detail.js';
import './scan.js';
import './materials.js';
import './progress.js';
import './home.js';
import './messages.js';
import './articles.js';
import './feedback.js';
import './me.js';
