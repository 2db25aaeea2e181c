// Entry of the page: mount the Svelte app and register the service worker (offline use).
import { mount } from 'svelte';
import { registerSW } from 'virtual:pwa-register';
import App from './ui/App.svelte';
import './ui/app.css';

const target = document.getElementById('app');
if (!target) throw new Error('missing #app');
mount(App, { target });

// injectRegister is false (an inline registration script would break the CSP): register here.
registerSW({ immediate: true });
