// The typed tasks in a browser started in American English: date boxes read mm/dd/yyyy.
import { test } from './fixtures';
import { browserIn } from '../chromium';
import { typedTasks } from './typed-tasks';

test.use(browserIn('en-US'));
typedTasks('en-US');
