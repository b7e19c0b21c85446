import { render } from 'preact';
import { t } from '../../services/i18n';
import { Dashboard } from './Dashboard';
import '../popup/popup.css';
import './dashboard.css';

document.documentElement.lang = t('lang_code');
document.title = t('dashboard_page_title');
render(<Dashboard />, document.getElementById('app')!);
