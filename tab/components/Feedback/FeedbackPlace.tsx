// The Feedback place of a plan: the pair's 360 feedback requests and their results.
import { FeedbackRequests } from './FeedbackRequests';

export default function FeedbackPlace() {
  return <FeedbackRequests />;
}
