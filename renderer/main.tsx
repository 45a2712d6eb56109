import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import './app/global.css';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applyRememberedFontSize } from './app/fontSize';

applyRememberedFontSize();

createRoot(document.getElementById('root')!).render(<App />);
