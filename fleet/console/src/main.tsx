import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { CONSOLE_LANGUAGE, TEXTS } from './texts';
import './palette.css';
import './styles.css';

// index.html says English until the texts are chosen from the browser's languages.
document.documentElement.lang = CONSOLE_LANGUAGE;
document.title = TEXTS.appName;

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
