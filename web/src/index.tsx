// Browser entry point: mounts the Kabinet app into #root.
import { render } from 'solid-js/web';
import { App } from './app';
import './styles.css';

const root = document.getElementById('root');
if (!root) {
  throw new Error('Kabinet: the #root element is missing from index.html');
}
render(() => <App />, root);
