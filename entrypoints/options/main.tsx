import { render } from 'preact';
import { Dashboard } from './Dashboard';
import '../popup/popup.css';
import './dashboard.css';

render(<Dashboard />, document.getElementById('app')!);
