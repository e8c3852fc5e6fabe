import { render } from 'preact';

render(<p>opinion-desk</p>, document.getElementById('app')!);
