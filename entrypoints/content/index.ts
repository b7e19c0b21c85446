import './highlights.css';
import cardCss from './card.css?inline';
import { startPageSession } from '../../services/page-session';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    startPageSession(ctx, { cardCss });
  },
});
