// The typed tasks in a browser started in British English: date boxes read dd/mm/yyyy.
import { test } from './fixtures';
import { browserIn } from '../chromium';
import { typedTasks } from './typed-tasks';

test.use(browserIn('en-GB'));
typedTasks('en-GB');
