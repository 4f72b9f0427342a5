// The Check-ins place of a plan: the pair's check-in history.
import { useCheckIns } from '../../hooks/useCheckIns';
import { usePlanContext } from '../PlanPage/PlanContext';
import { CheckInHistory } from './CheckInHistory';

export default function CheckInsPlace() {
  const { pairId } = usePlanContext();
  const checkIns = useCheckIns(pairId);
  return <CheckInHistory checkIns={checkIns} />;
}
