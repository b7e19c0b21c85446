import { render } from 'preact';
import { t } from '../../services/i18n';
import { App } from './App';
import './popup.css';

document.documentElement.lang = t('lang_code');
document.title = t('brand');
render(<App />, document.getElementById('app')!);
