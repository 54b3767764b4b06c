import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectApi, connectProgress } from './app/transport';
import './app/styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App api={connectApi()} onProgress={connectProgress()} />
    </StrictMode>,
  );
}
